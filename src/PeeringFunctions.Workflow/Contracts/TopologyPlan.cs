namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// What planning decided for a topology, on reads only: every pair with its initiator and receiver, the routes each
/// side gets, the consent each receiving account is asked for, and the Tencent calls it will take. Refused as a whole
/// when <see cref="Problems"/> is not empty.
/// </summary>
/// <param name="CallsPlanned">Tencent actions and how many calls of each the pairs' workflows make at least (writes exactly; reads once each).</param>
public sealed record TopologyPlan(
    IReadOnlyList<TopologyPair> Pairs,
    IReadOnlyList<AccountConsent> Consents,
    IReadOnlyDictionary<string, int> CallsPlanned,
    IReadOnlyList<string> Problems)
{
    public bool Feasible => Problems.Count == 0;
}

/// <summary>
/// One peering of the topology. <see cref="Id"/> is the peering's own id (the one a single request for this VPC pair
/// gets), so the pair is also an ordinary peering: its status, teardown and drift watch work as for any other.
/// </summary>
/// <param name="ExistingPeeringConnectionId">A live peering Tencent already has between the two VPCs: the pair's workflow reuses it.</param>
/// <param name="Reused">A peering of ours already joins the pair, ACTIVE: nothing to create, no consent asked.</param>
/// <param name="Routes">The routes each managed side gets (destinations not yet routed through the pair's peering).</param>
public sealed record TopologyPair(
    string Id,
    PeeringSide Initiator,
    PeeringSide Receiver,
    bool CrossRegion,
    string? ExistingPeeringConnectionId,
    bool Reused,
    IReadOnlyList<PlannedRoutes> Routes)
{
    public string ReceivingAccount => Receiver.Account!;
}

public sealed record PlannedRoutes(string Account, string VpcId, string RouteTableId, IReadOnlyList<string> DestinationsToAdd);

/// <summary>One receiving account's single consent: every pair it is asked to accept.</summary>
public sealed record AccountConsent(string Account, IReadOnlyList<string> PairIds);
