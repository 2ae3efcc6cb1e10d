namespace PeeringFunctions.Peerings.Requests;

/// <summary>The JSON of <c>PATCH /api/peerings/{id}</c>: the new cross-region bandwidth cap, named as in the start request.</summary>
public sealed class BandwidthChangeBody
{
    /// <summary>Required: 1 to 5000 Mbps.</summary>
    public long? BandwidthMbps { get; set; }
}
