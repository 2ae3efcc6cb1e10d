using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Planning;

/// <summary>
/// What pre-flight decided: which peering to create or reuse and, per managed side, which routes to add and which
/// subnets to move. Pure data, persisted as part of the orchestration's history.
/// </summary>
public sealed record PeeringPlan(
    PeeringFacts? ExistingPeering,
    SidePlan Initiator,
    SidePlan? Receiver,
    string ReceiverUin);

/// <param name="DestinationsToAdd">Destinations not yet routed through the peering (the batch for CreateRoutes).</param>
/// <param name="Destinations">Every destination this side routes through the peering, for verification.</param>
/// <param name="PreexistingRouteItemIds">Routes via a reused peering that were there before us: never removed on failure.</param>
/// <param name="SubnetMoves">Subnets to point at <see cref="RouteTableId"/>, with the table each is on now.</param>
public sealed record SidePlan(
    string Account,
    string Region,
    string VpcId,
    string RouteTableId,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> DestinationsToAdd,
    IReadOnlyList<string> PreexistingRouteItemIds,
    IReadOnlyList<AssociationChange> SubnetMoves,
    IReadOnlyList<string> SubnetIds);

/// <summary>Either a plan, or the reasons pre-flight refused (nothing has been created).</summary>
public sealed record PreflightResult(PeeringPlan? Plan, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Plan is not null && Problems.Count == 0;
}
