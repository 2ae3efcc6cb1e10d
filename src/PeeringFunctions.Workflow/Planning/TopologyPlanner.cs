using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Planning;

/// <summary>
/// A topology's plan, made on what was read of every member (pure and deterministic). Each pair goes through the same
/// <see cref="PeeringPlanner"/> a single peering's pre-flight uses; on top, the checks only the whole picture can make:
/// the peerings the topology adds to each VPC against its quota, the routes it adds to each table against the table's,
/// and destinations of different pairs that overlap in one VPC.
/// </summary>
public static class TopologyPlanner
{
    /// <summary>
    /// The pairs the shape asks for, minus the excluded ones. Mesh: every two members, the one listed first initiates.
    /// Hub-and-spoke: the hub initiates to each spoke.
    /// </summary>
    public static IReadOnlyList<(PeeringSide Initiator, PeeringSide Receiver)> PairsOf(TopologyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var members = request.Members;
        var pairs = new List<(PeeringSide, PeeringSide)>();
        if (request.Shape == TopologyShapes.HubAndSpoke)
        {
            var hub = members.First(m => m.VpcId == request.Hub);
            pairs.AddRange(members.Where(m => m.VpcId != hub.VpcId).Select(spoke => (hub, spoke)));
        }
        else
        {
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    pairs.Add((members[i], members[j]));
                }
            }
        }

        var excluded = request.ExcludedPairs ?? [];
        return pairs.Where(p => !excluded.Any(e => e.Is(p.Item1.VpcId, p.Item2.VpcId))).ToList();
    }

    /// <param name="facts">Each member's VPC, route tables and peerings, by VPC id.</param>
    /// <param name="uinOf">A managed account's UIN (the receiver of a peering request is named by it).</param>
    /// <param name="pairIdOf">The peering id of a VPC pair.</param>
    /// <param name="heldPairs">Peering ids an instance of ours already holds, with its state: Active is reused, any other is in the way.</param>
    public static TopologyPlan Plan(
        TopologyRequest request,
        IReadOnlyDictionary<string, SideFacts> facts,
        Func<string, string> uinOf,
        TencentLimits limits,
        Func<string, string, string> pairIdOf,
        IReadOnlyDictionary<string, string> heldPairs)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(uinOf);
        ArgumentNullException.ThrowIfNull(pairIdOf);
        ArgumentNullException.ThrowIfNull(heldPairs);
        var problems = new List<string>();
        var pairs = new List<TopologyPair>();
        var sidePlans = new List<SidePlan>();
        var calls = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (initiator, receiver) in PairsOf(request))
        {
            var id = pairIdOf(initiator.VpcId, receiver.VpcId);
            var label = $"{initiator.VpcId} ↔ {receiver.VpcId}";
            if (heldPairs.TryGetValue(id, out var state) && state == PeeringStatus.Active)
            {
                pairs.Add(new TopologyPair(id, initiator, receiver, initiator.Region != receiver.Region, null, Reused: true, []));
                continue;
            }

            if (state is not null)
            {
                problems.Add($"{label}: the peering {id} of this pair is {state}; wait until it ends, or tear it down, before planning it again.");
                continue;
            }

            var pairRequest = new PeeringRequest(request.Name, initiator, receiver, request.CrossRegion, request.AcceptanceTimeout);
            var preflight = PeeringPlanner.Plan(pairRequest, facts[initiator.VpcId], facts[receiver.VpcId], uinOf(receiver.Account!), limits);
            if (!preflight.Succeeded)
            {
                problems.AddRange(preflight.Problems.Select(p => $"{label}: {p}"));
                continue;
            }

            var plan = preflight.Plan!;
            var sides = new[] { plan.Initiator, plan.Receiver! };
            sidePlans.AddRange(sides);
            pairs.Add(new TopologyPair(
                id, initiator, receiver, pairRequest.IsCrossRegion, plan.ExistingPeering?.PeeringConnectionId, Reused: false,
                [.. sides.Select(s => new PlannedRoutes(s.Account, s.VpcId, s.RouteTableId, s.DestinationsToAdd))]));
            Count(calls, plan, pairRequest.IsCrossRegion);
        }

        CheckPeeringQuotas(request, facts, limits, pairs, problems);
        CheckRouteTableQuotas(facts, limits, sidePlans, problems);
        CheckOverlappingDestinations(sidePlans, problems);

        var consents = pairs.Where(p => !p.Reused)
            .GroupBy(p => p.ReceivingAccount, StringComparer.Ordinal)
            .Select(g => new AccountConsent(g.Key, [.. g.Select(p => p.Id)]))
            .ToList();
        return new TopologyPlan(pairs, consents, calls, [.. problems.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Live peerings the VPC has now plus the new ones the topology gives it: Tencent refuses the one past the quota.</summary>
    private static void CheckPeeringQuotas(
        TopologyRequest request, IReadOnlyDictionary<string, SideFacts> facts, TencentLimits limits, List<TopologyPair> pairs, List<string> problems)
    {
        foreach (var member in request.Members)
        {
            var live = facts[member.VpcId].Peerings.Count(p => p.IsLive);
            var added = pairs.Count(p => !p.Reused && p.ExistingPeeringConnectionId is null && (p.Initiator.VpcId == member.VpcId || p.Receiver.VpcId == member.VpcId));
            if (added > 0 && live + added > limits.LivePeeringsPerVpc)
            {
                problems.Add($"VPC {member.VpcId} ({member.Describe()}) has {live} live peering connections and the topology adds {added}: " +
                    $"{live + added}, over Tencent's quota of {limits.LivePeeringsPerVpc} per VPC. Leave some of its pairs out (excludedPairs) or delete peerings it no longer needs.");
            }
        }
    }

    /// <summary>Every route the topology adds to one table, against the table's quota (each pair alone was checked already).</summary>
    private static void CheckRouteTableQuotas(
        IReadOnlyDictionary<string, SideFacts> facts, TencentLimits limits, List<SidePlan> sides, List<string> problems)
    {
        foreach (var table in sides.GroupBy(s => (s.VpcId, s.RouteTableId)))
        {
            var added = table.Sum(s => s.DestinationsToAdd.Count);
            var held = facts[table.Key.VpcId].RouteTables.FirstOrDefault(t => t.RouteTableId == table.Key.RouteTableId)?.Routes
                .Count(PeeringPlanner.CountsTowardQuota) ?? 0;
            if (held + added > limits.RoutesPerRouteTable)
            {
                problems.Add($"Route table {table.Key.RouteTableId} of {table.Key.VpcId} holds {held} of its {limits.RoutesPerRouteTable} route entries " +
                    $"(Tencent's quota per table); the topology would add {added}. Remove unused routes or give the member another route table.");
            }
        }
    }

    /// <summary>Two pairs routing overlapping destinations from one VPC would make its traffic ambiguous.</summary>
    private static void CheckOverlappingDestinations(List<SidePlan> sides, List<string> problems)
    {
        foreach (var vpc in sides.GroupBy(s => s.VpcId))
        {
            var routes = vpc.SelectMany(s => s.Destinations.Select(d => (Table: s.RouteTableId, Destination: d))).ToList();
            for (var i = 0; i < routes.Count; i++)
            {
                for (var j = i + 1; j < routes.Count; j++)
                {
                    if (Cidr.Overlaps(routes[i].Destination, routes[j].Destination))
                    {
                        problems.Add($"In {vpc.Key}, the topology routes {routes[i].Destination} ({routes[i].Table}) and {routes[j].Destination} ({routes[j].Table}) " +
                            "to two different peers: their CIDRs overlap. Leave one of the pairs out (excludedPairs).");
                    }
                }
            }
        }
    }

    /// <summary>The writes each pair's workflow makes, and its reads once each (retries and activation polls come on top).</summary>
    private static void Count(SortedDictionary<string, int> calls, PeeringPlan plan, bool crossRegion)
    {
        void Add(string action, int n = 1)
        {
            if (n > 0)
            {
                calls[action] = calls.GetValueOrDefault(action) + n;
            }
        }

        Add("DescribeVpcs", 2);
        Add("DescribeRouteTables", 2);
        Add("DescribeVpcPeeringConnections", 2 + 1 + (crossRegion ? 1 : 0));
        if (plan.ExistingPeering is null)
        {
            Add("CreateVpcPeeringConnection");
        }

        if (plan.ExistingPeering?.State != TencentCloud.Vpc.V20170312.Models.PeeringConnectionStates.Active)
        {
            Add("AcceptVpcPeeringConnection");
        }

        foreach (var side in new[] { plan.Initiator, plan.Receiver! })
        {
            Add("CreateRoutes", side.DestinationsToAdd.Count > 0 ? 1 : 0);
            Add("ReplaceRouteTableAssociation", side.SubnetMoves.Count);
        }
    }
}
