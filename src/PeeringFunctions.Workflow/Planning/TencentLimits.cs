namespace PeeringFunctions.Workflow.Planning;

/// <summary>
/// The limits Tencent enforces that pre-flight checks from version 3.0 on, so a request Tencent would refuse half-way is
/// refused before anything is created: the configured quotas ("Tencent:Quotas", read through an activity so a replay
/// sees the values its run started with) and the cross-region bandwidth cap.
/// </summary>
/// <param name="LivePeeringsPerVpc">Live (PENDING or ACTIVE) peerings one VPC may have, at either end.</param>
/// <param name="RoutesPerRouteTable">Route entries one route table holds.</param>
public sealed record TencentLimits(int LivePeeringsPerVpc, int RoutesPerRouteTable)
{
    /// <summary>Across regions Tencent needs a bandwidth cap, at most 5 Gbps (Use Limits page); within a region there is none.</summary>
    public const long MaxCrossRegionBandwidthMbps = 5000;

    /// <summary>Tencent's documented defaults: 10 peerings per VPC, 200 route entries per route table.</summary>
    public static TencentLimits Defaults { get; } = new(10, 200);
}
