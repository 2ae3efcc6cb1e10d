using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Planning;

/// <summary>
/// Pre-flight's decisions, made on what the read activities returned. Pure and deterministic, so the orchestrator
/// may call it during replay; every refusal says exactly which resource and which rule.
/// </summary>
public static class PeeringPlanner
{
    /// <param name="limits">
    /// Tencent's quotas and cross-region rules to check (version 3.0 on); null for a run started before, which replays
    /// the checks it made then.
    /// </param>
    public static PreflightResult Plan(
        PeeringRequest request, SideFacts initiator, SideFacts? receiver, string receiverUin, TencentLimits? limits = null)
    {
        var problems = new List<string>();
        var initiatorSide = request.Initiator;
        var receiverSide = request.Receiver;

        if (limits is not null && request.IsCrossRegion
            && request.CrossRegion?.BandwidthMbps is not (>= 1 and <= TencentLimits.MaxCrossRegionBandwidthMbps))
        {
            problems.Add($"A peering across regions ({initiatorSide.Region} to {receiverSide.Region}) needs a bandwidth cap: " +
                $"bandwidthMbps from 1 to {TencentLimits.MaxCrossRegionBandwidthMbps}; Tencent refuses it without one.");
        }

        if (initiator.Vpc is null)
        {
            problems.Add($"VPC {initiatorSide.VpcId} was not found in {initiatorSide.Describe()}.");
        }

        if (receiverSide.IsManaged && receiver?.Vpc is null)
        {
            problems.Add($"VPC {receiverSide.VpcId} was not found in {receiverSide.Describe()}.");
        }

        if (problems.Count > 0)
        {
            return new PreflightResult(null, problems);
        }

        var initiatorVpc = initiator.Vpc!;
        var receiverVpc = receiver?.Vpc;
        if (receiverVpc is not null)
        {
            foreach (var (a, b) in Pairs(initiatorVpc.AllCidrs, receiverVpc.AllCidrs).Where(p => Cidr.Overlaps(p.A, p.B)))
            {
                problems.Add($"CIDR {a} of {initiatorVpc.VpcId} overlaps CIDR {b} of {receiverVpc.VpcId}; Tencent refuses peering overlapping VPCs.");
            }
        }

        var existing = initiator.Peerings.FirstOrDefault(p => p.IsLive && p.Joins(initiatorSide.VpcId, receiverSide.VpcId));
        if (limits is not null && existing is null)
        {
            // A new peering counts toward the quota of both VPCs (the receiver's list is read only when it is managed).
            CheckPeeringQuota(initiatorSide, initiator.Peerings, limits, problems);
            if (receiver is not null)
            {
                CheckPeeringQuota(receiverSide, receiver.Peerings, limits, problems);
            }
        }

        var initiatorPlan = PlanSide(
            initiatorSide, initiator, initiatorVpc,
            peerCidrs: receiverVpc?.AllCidrs.ToList(),
            defaultDestinations: receiverVpc is null ? [] : [receiverVpc.CidrBlock],
            existing, limits, problems);
        SidePlan? receiverPlan = null;
        if (receiverSide.IsManaged)
        {
            receiverPlan = PlanSide(
                receiverSide, receiver!, receiverVpc!,
                peerCidrs: initiatorVpc.AllCidrs.ToList(),
                defaultDestinations: [initiatorVpc.CidrBlock],
                existing, limits, problems);
        }

        return problems.Count > 0 || initiatorPlan is null
            ? new PreflightResult(null, problems)
            : new PreflightResult(new PeeringPlan(existing, initiatorPlan, receiverPlan, receiverUin), []);
    }

    private static SidePlan? PlanSide(
        PeeringSide side,
        SideFacts facts,
        VpcFacts vpc,
        IReadOnlyList<string>? peerCidrs,
        IReadOnlyList<string> defaultDestinations,
        PeeringFacts? existing,
        TencentLimits? limits,
        List<string> problems)
    {
        var before = problems.Count;
        var table = side.RouteTableId is null
            ? facts.RouteTables.FirstOrDefault(t => t.Main)
            : facts.RouteTables.FirstOrDefault(t => t.RouteTableId == side.RouteTableId);
        if (table is null)
        {
            problems.Add(side.RouteTableId is null
                ? $"VPC {vpc.VpcId} has no main route table."
                : $"Route table {side.RouteTableId} was not found in VPC {vpc.VpcId} ({side.Describe()}).");
            return null;
        }

        var moves = new List<AssociationChange>();
        foreach (var subnetId in side.Subnets.Distinct(StringComparer.Ordinal))
        {
            var current = facts.RouteTables.FirstOrDefault(t => t.AssociatedSubnetIds.Contains(subnetId));
            if (current is null)
            {
                problems.Add($"Subnet {subnetId} was not found in VPC {vpc.VpcId} ({side.Describe()}).");
            }
            else if (current.RouteTableId != table.RouteTableId)
            {
                moves.Add(new AssociationChange(subnetId, current.RouteTableId, table.RouteTableId));
            }
        }

        var destinations = (side.DestinationCidrs is { Count: > 0 } given ? given : defaultDestinations)
            .Distinct(StringComparer.Ordinal).ToList();
        var toAdd = new List<string>();
        var preexisting = new List<string>();
        foreach (var destination in destinations)
        {
            if (vpc.AllCidrs.FirstOrDefault(own => Cidr.Overlaps(own, destination)) is { } own)
            {
                problems.Add($"Destination {destination} for {table.RouteTableId} overlaps {vpc.VpcId}'s own CIDR {own}.");
                continue;
            }

            if (peerCidrs is not null && !peerCidrs.Any(peer => Cidr.Within(destination, peer)))
            {
                problems.Add($"Destination {destination} for {table.RouteTableId} is not inside the peer VPC's CIDRs ({string.Join(", ", peerCidrs)}).");
                continue;
            }

            var sameDestination = table.Routes.FirstOrDefault(r => r.DestinationCidrBlock == destination);
            if (sameDestination is not null)
            {
                if (existing is not null && sameDestination.IsVia(existing.PeeringConnectionId))
                {
                    preexisting.Add(sameDestination.RouteItemId ?? destination);
                    continue;
                }

                problems.Add($"Route table {table.RouteTableId} already routes {destination} to {sameDestination.GatewayType} {sameDestination.GatewayId}.");
                continue;
            }

            toAdd.Add(destination);
        }

        // Every user route counts toward the table's quota, whoever made it; Tencent refuses the whole batch past it.
        var held = table.Routes.Count(CountsTowardQuota);
        if (limits is not null && held + toAdd.Count > limits.RoutesPerRouteTable)
        {
            problems.Add($"Route table {table.RouteTableId} holds {held} of its {limits.RoutesPerRouteTable} route entries " +
                $"(Tencent's quota per table); this peering would add {toAdd.Count}. Remove unused routes or choose another route table.");
        }

        // Another peering already reaching these addresses from anywhere in this VPC would make traffic ambiguous.
        foreach (var route in facts.RouteTables.SelectMany(t => t.Routes.Select(r => (Table: t.RouteTableId, Route: r))))
        {
            if (route.Route.IsViaAPeering()
                && !route.Route.IsVia(existing?.PeeringConnectionId)
                && destinations.FirstOrDefault(d => Cidr.Overlaps(d, route.Route.DestinationCidrBlock)) is { } clash)
            {
                problems.Add($"Destination {clash} overlaps {route.Route.DestinationCidrBlock}, already routed to peering {route.Route.GatewayId} in {route.Table}.");
            }
        }

        return problems.Count > before
            ? null
            : new SidePlan(side.Account!, side.Region, vpc.VpcId, table.RouteTableId, destinations, toAdd, preexisting, moves, side.Subnets);
    }

    /// <summary>
    /// User routes (RouteType USER, or none given); the table's own LOCAL route and routes the system adds (network
    /// detection, CCN) are Tencent's, not entries of the quota.
    /// </summary>
    internal static bool CountsTowardQuota(RouteFacts route) =>
        route.GatewayType != GatewayTypes.Local && route.RouteType is null or "" or RouteTypes.User;

    private static void CheckPeeringQuota(PeeringSide side, IReadOnlyList<PeeringFacts> peerings, TencentLimits limits, List<string> problems)
    {
        // The list was read with this VPC's vpc-id filter: every entry involves it, even a PENDING request made to it that
        // Tencent describes without naming the peer VPC, so no entry is left out for lacking our VPC id.
        var live = peerings.Count(p => p.IsLive);
        if (live >= limits.LivePeeringsPerVpc)
        {
            problems.Add($"VPC {side.VpcId} ({side.Describe()}) already has {live} live peering connections (PENDING or ACTIVE); " +
                $"Tencent allows {limits.LivePeeringsPerVpc} per VPC. Delete one it no longer needs first.");
        }
    }

    private static IEnumerable<(string A, string B)> Pairs(IEnumerable<string> left, IEnumerable<string> right) =>
        left.SelectMany(a => right.Select(b => (a, b)));
}
