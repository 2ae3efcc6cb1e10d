namespace PeeringFunctions.Peerings.Requests;

/// <summary>The JSON a portal posts to <c>POST /api/peerings</c>. Everything is optional here; the validator says what is missing.</summary>
public sealed class PeeringRequestBody
{
    public string? Name { get; set; }

    public SideBody? Initiator { get; set; }

    public SideBody? Receiver { get; set; }

    /// <summary>Cross-region bandwidth cap in Mbps.</summary>
    public long? BandwidthMbps { get; set; }

    /// <summary>POSTPAID_BY_DAY_MAX or POSTPAID_BY_MONTH_95 (cross-region, billed to the initiator).</summary>
    public string? ChargeType { get; set; }

    /// <summary>ISO 8601 duration, e.g. "P2D" or "PT12H"; default and maximum P7D.</summary>
    public string? AcceptanceTimeout { get; set; }

    public bool? KeepPartialWorkOnFailure { get; set; }

    /// <summary>What the watcher does about drift: "repair" (the default) or "notify".</summary>
    public string? RepairPolicy { get; set; }
}

public sealed class SideBody
{
    /// <summary>Alias of a managed account.</summary>
    public string? Account { get; set; }

    /// <summary>UIN of an external receiver (instead of <see cref="Account"/>).</summary>
    public string? Uin { get; set; }

    public string? Region { get; set; }

    public string? VpcId { get; set; }

    public string? RouteTableId { get; set; }

    public List<string>? SubnetIds { get; set; }

    public List<string>? DestinationCidrs { get; set; }
}
