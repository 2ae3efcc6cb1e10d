using PeeringFunctions.Registry;

namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// What a repair of a registered peering is to do, built from its registry record and the watcher's findings: per
/// managed side, routes to create or enable, subnets to move, routes to remove. Identifiers only, never credentials.
/// </summary>
/// <param name="PeeringId">The registry record the repair updates when it ends.</param>
/// <param name="Kind">One of <see cref="RepairKinds"/>.</param>
/// <param name="Fixes">The findings this repair sets out to fix: cleared from the record's health when it succeeds.</param>
/// <param name="Reported">Findings only reported, never repaired (a route a person pointed elsewhere on purpose).</param>
/// <param name="RequestedBy">Who asked: "watcher" for a tick, a portal key's name for a person.</param>
public sealed record RepairRequest(
    string PeeringId,
    string Name,
    string Kind,
    string PeeringConnectionId,
    IReadOnlyList<SideRepair> Sides,
    IReadOnlyList<DriftFinding> Fixes,
    IReadOnlyList<DriftFinding> Reported,
    string? InitiatorAccount,
    string? ReceiverAccount,
    string RequestedBy);

/// <summary>One managed side's part of a repair. Every list may be empty.</summary>
/// <param name="Side">"initiator" or "receiver" (<see cref="FindingSides"/>).</param>
/// <param name="RouteTableId">The table our routes to the peering live in.</param>
/// <param name="RoutesToCreate">Destinations to route to the peering again (a missing route, or a CIDR the peer gained).</param>
/// <param name="RoutesToEnable">Destinations whose route to the peering is disabled.</param>
/// <param name="RoutesToRemove">Destinations whose route to the peering goes: the peer VPC no longer has that CIDR.</param>
/// <param name="RemoveAllRoutes">Every route to the peering goes (the peer deleted it).</param>
/// <param name="SubnetMoves">Subnets to put on a table: back onto ours (repair), or back where they were before us (cleanup).</param>
public sealed record SideRepair(
    string Side,
    string Account,
    string Region,
    string VpcId,
    string RouteTableId,
    IReadOnlyList<string> RoutesToCreate,
    IReadOnlyList<string> RoutesToEnable,
    IReadOnlyList<string> RoutesToRemove,
    bool RemoveAllRoutes,
    IReadOnlyList<SubnetMove> SubnetMoves)
{
    public bool HasWork => RoutesToCreate.Count + RoutesToEnable.Count + RoutesToRemove.Count + SubnetMoves.Count > 0 || RemoveAllRoutes;
}

/// <summary>Put <paramref name="SubnetId"/> on <paramref name="ToRouteTableId"/>, if it is still on <paramref name="ExpectedOnRouteTableId"/> (null: wherever it is).</summary>
public sealed record SubnetMove(string SubnetId, string ToRouteTableId, string? ExpectedOnRouteTableId = null);

public static class RepairKinds
{
    /// <summary>Put back what drifted: routes re-created or re-enabled, subnets moved back, routes to a removed CIDR removed.</summary>
    public const string Repair = "Repair";

    /// <summary>The peer deleted the peering: remove our remaining routes to it, restore the subnets, mark it PeerDeleted.</summary>
    public const string PeerDeletedCleanup = "PeerDeletedCleanup";

    /// <summary>The peer VPC gained a CIDR: after pre-flight, route it through the peering too.</summary>
    public const string ExtendRoutes = "ExtendRoutes";
}
