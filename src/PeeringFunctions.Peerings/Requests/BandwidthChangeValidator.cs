using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Peerings.Requests;

/// <summary>The checks a bandwidth change needs before anything is looked up: present, whole, within Tencent's range.</summary>
public static class BandwidthChangeValidator
{
    public const long MinimumMbps = 1;

    /// <summary>Tencent caps a cross-region peering at 5 Gbps: the same cap a new peering's request and pre-flight check.</summary>
    public const long MaximumMbps = TencentLimits.MaxCrossRegionBandwidthMbps;

    public static (long? BandwidthMbps, IReadOnlyList<FieldProblem> Problems) Validate(BandwidthChangeBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.BandwidthMbps switch
        {
            null => (null, [new FieldProblem("bandwidthMbps", "is required: the new bandwidth cap in Mbps")]),
            < MinimumMbps => (null, [new FieldProblem("bandwidthMbps", $"must be at least {MinimumMbps} Mbps")]),
            > MaximumMbps => (null, [new FieldProblem("bandwidthMbps", $"must be at most {MaximumMbps} Mbps (Tencent's 5 Gbps cap on a cross-region peering)")]),
            { } mbps => (mbps, []),
        };
    }
}
