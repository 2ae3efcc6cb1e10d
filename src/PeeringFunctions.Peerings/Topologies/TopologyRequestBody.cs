using PeeringFunctions.Peerings.Requests;

namespace PeeringFunctions.Peerings.Topologies;

/// <summary>The JSON posted to <c>POST /api/topologies</c>. Everything is optional here; the validator says what is missing.</summary>
public sealed class TopologyRequestBody
{
    /// <summary>Lower-case letters, digits and '-'; the topology's id is "topology-" and the name.</summary>
    public string? Name { get; set; }

    /// <summary>"mesh" or "hub-and-spoke".</summary>
    public string? Shape { get; set; }

    /// <summary>The hub's VPC id (hub-and-spoke only); it must be one of the members.</summary>
    public string? Hub { get; set; }

    /// <summary>Each a peering request's side, of a managed account.</summary>
    public List<SideBody>? Members { get; set; }

    /// <summary>Bandwidth cap of every cross-region pair, in Mbps.</summary>
    public long? BandwidthMbps { get; set; }

    public string? ChargeType { get; set; }

    /// <summary>ISO 8601 duration each receiving account has to decide; default and maximum P7D.</summary>
    public string? AcceptanceTimeout { get; set; }

    /// <summary>Pairs of member VPC ids to leave unpeered, each exactly two ids.</summary>
    public List<List<string>>? ExcludedPairs { get; set; }
}
