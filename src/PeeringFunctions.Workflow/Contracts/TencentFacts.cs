namespace PeeringFunctions.Workflow.Contracts;

// What the read activities return: the parts of Tencent's answers the workflow decides on, as plain records
// (they are persisted in orchestration history, so they stay small and carry no secrets).

public sealed record VpcFacts(string VpcId, string CidrBlock, IReadOnlyList<string> AssistantCidrs)
{
    public IEnumerable<string> AllCidrs => AssistantCidrs.Prepend(CidrBlock);
}

public sealed record RouteFacts(
    string? RouteItemId,
    ulong? RouteId,
    string DestinationCidrBlock,
    string GatewayType,
    string GatewayId,
    bool Enabled,
    string? RouteType);

public sealed record RouteTableFacts(
    string RouteTableId,
    bool Main,
    IReadOnlyList<string> AssociatedSubnetIds,
    IReadOnlyList<RouteFacts> Routes);

public sealed record PeeringFacts(
    string PeeringConnectionId,
    string Name,
    string SourceVpcId,
    string DestinationVpcId,
    string State,
    long? SourceUin,
    long? DestinationUin)
{
    public bool Joins(string vpcA, string vpcB) =>
        (SourceVpcId == vpcA && DestinationVpcId == vpcB) || (SourceVpcId == vpcB && DestinationVpcId == vpcA);

    /// <summary>PENDING or ACTIVE: the states in which Tencent refuses a second peering of the same pair.</summary>
    public bool IsLive => State is "PENDING" or "ACTIVE";
}

/// <summary>Everything pre-flight reads about one managed side, in one round of parallel calls.</summary>
public sealed record SideFacts(
    VpcFacts? Vpc,
    IReadOnlyList<RouteTableFacts> RouteTables,
    IReadOnlyList<PeeringFacts> Peerings);
