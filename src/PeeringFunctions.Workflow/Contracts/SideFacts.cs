using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.Workflow.Contracts;

/// <summary>Everything pre-flight reads about one managed side, in one round of parallel calls.</summary>
public sealed record SideFacts(
    VpcFacts? Vpc,
    IReadOnlyList<RouteTableFacts> RouteTables,
    IReadOnlyList<PeeringFacts> Peerings);
