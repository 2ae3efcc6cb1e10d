using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Topologies;

/// <summary>
/// What GET /api/topologies/{id} answers: how the topology stands, each account's consent and each pair's progress.
/// </summary>
/// <param name="State">The step while it runs (WaitingForConsent, Peering), then Complete, Partial or Refused.</param>
public sealed record TopologyView(
    string Id,
    string Name,
    string Shape,
    string? Hub,
    string State,
    string RuntimeStatus,
    string? Message,
    DateTime? ConsentDeadline,
    IReadOnlyList<AccountProgress> Accounts,
    IReadOnlyList<TopologyPairView> Pairs,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    IReadOnlyDictionary<string, string> Links);

/// <param name="State">The pair's state in the topology (WaitingForConsent, Queued, NotConsented, Reused, or its workflow's outcome).</param>
/// <param name="Peering">The pair's peering as it is now (its step while it runs; Active, TearingDown, TornDown… after), when it has one.</param>
public sealed record TopologyPairView(
    string Id,
    TopologyMemberView Initiator,
    TopologyMemberView Receiver,
    bool CrossRegion,
    string State,
    string? Peering,
    string? PeeringConnectionId,
    string? Message);

public sealed record TopologyMemberView(string Account, string Region, string VpcId)
{
    public static TopologyMemberView Of(PeeringSide side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return new(side.Account!, side.Region, side.VpcId);
    }
}

/// <summary>What POST /api/topologies?dryRun=true answers, and what a refusal lists: the plan, made on reads only.</summary>
public sealed record TopologyPlanView(
    string Id,
    string Name,
    string Shape,
    bool Feasible,
    IReadOnlyList<TopologyPlannedPairView> Pairs,
    IReadOnlyList<AccountConsent> Consents,
    IReadOnlyDictionary<string, int> CallsPlanned,
    IReadOnlyList<string> Problems)
{
    public static TopologyPlanView Of(string id, TopologyRequest request, TopologyPlan plan)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        return new(id, request.Name, request.Shape, plan.Feasible,
            [.. plan.Pairs.Select(p => new TopologyPlannedPairView(
                p.Id, TopologyMemberView.Of(p.Initiator), TopologyMemberView.Of(p.Receiver), p.CrossRegion,
                p.CrossRegion ? request.CrossRegion?.BandwidthMbps : null, p.ExistingPeeringConnectionId, p.Reused, p.Routes))],
            plan.Consents, plan.CallsPlanned, plan.Problems);
    }
}

/// <param name="Routes">Per managed side, the route table and the destinations the pair adds to it.</param>
public sealed record TopologyPlannedPairView(
    string Id,
    TopologyMemberView Initiator,
    TopologyMemberView Receiver,
    bool CrossRegion,
    long? BandwidthMbps,
    string? ExistingPeeringConnectionId,
    bool Reused,
    IReadOnlyList<PlannedRoutes> Routes);
