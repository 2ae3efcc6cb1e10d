using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Planning;

/// <summary>
/// A repair's decisions for one side, made again at repair time on what the side's tables show now (the finding may be
/// a tick old): what is already back needs nothing, a destination now routed elsewhere is reported and never
/// overridden, and a new route passes pre-flight's checks first — not inside the VPC's own CIDRs, no overlap with
/// another route of the table or another peering's route in the VPC, room under the table's route quota. Pure and
/// deterministic, so the orchestrator may call it during replay.
/// </summary>
public static class RepairPlanner
{
    /// <param name="vpc">The side's VPC, read when routes may be created (null: the own-CIDR check is skipped).</param>
    /// <param name="limits">The configured quotas, read when routes may be created (null: the quota check is skipped).</param>
    public static SideRepairPlan Plan(SideRepair side, string peeringConnectionId, IReadOnlyList<RouteTableFacts> tables, VpcFacts? vpc, TencentLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(tables);
        var plan = new Builder(side);
        var table = tables.FirstOrDefault(t => t.RouteTableId == side.RouteTableId);
        var routeWork = side.RoutesToCreate.Count + side.RoutesToEnable.Count + side.RoutesToRemove.Count > 0 || side.RemoveAllRoutes;
        if (table is null)
        {
            if (routeWork)
            {
                plan.Problems.Add($"Route table {side.RouteTableId} no longer exists in {side.VpcId} ({side.Account}); its routes cannot be repaired.");
            }
        }
        else
        {
            PlanRoutes(plan, side, peeringConnectionId, table, tables, vpc, limits);
        }

        foreach (var move in side.SubnetMoves)
        {
            var current = tables.FirstOrDefault(t => t.AssociatedSubnetIds.Contains(move.SubnetId));
            if (current is null)
            {
                plan.Problems.Add($"Subnet {move.SubnetId} no longer exists in {side.VpcId} ({side.Account}).");
            }
            else if (current.RouteTableId == move.ToRouteTableId)
            {
                plan.InPlace.Add(move.SubnetId);
            }
            else if (move.ExpectedOnRouteTableId is { } expected && current.RouteTableId != expected)
            {
                plan.Reported.Add($"subnet {move.SubnetId} is on {current.RouteTableId} now, not on {expected}: left there ({side.Account})");
            }
            else
            {
                plan.Moves.Add(move);
            }
        }

        return plan.Build();
    }

    private static void PlanRoutes(
        Builder plan, SideRepair side, string pcx, RouteTableFacts table, IReadOnlyList<RouteTableFacts> tables, VpcFacts? vpc, TencentLimits? limits)
    {
        // Missing or disabled: what the table shows now decides which call (if any) puts the route back.
        foreach (var destination in side.RoutesToCreate.Concat(side.RoutesToEnable).Distinct(StringComparer.Ordinal))
        {
            var present = table.Routes.FirstOrDefault(r => r.DestinationCidrBlock == destination);
            if (present is null)
            {
                if (NewRouteProblem(side, destination, pcx, table, tables, vpc) is { } problem)
                {
                    plan.Problems.Add(problem);
                }
                else
                {
                    plan.Create.Add(destination);
                }
            }
            else if (!present.IsVia(pcx))
            {
                plan.Reported.Add($"{table.RouteTableId} routes {destination} to {present.GatewayType} {present.GatewayId} now, not to {pcx}: left as it is ({side.Account})");
            }
            else if (!present.Enabled)
            {
                plan.Enable.Add(destination);
            }
            else
            {
                plan.InPlace.Add(destination);
            }
        }

        // Every user route counts toward the table's quota, whoever made it; Tencent refuses the whole batch past it.
        var held = table.Routes.Count(PeeringPlanner.CountsTowardQuota);
        if (limits is not null && plan.Create.Count > 0 && held + plan.Create.Count > limits.RoutesPerRouteTable)
        {
            plan.Problems.Add($"Route table {table.RouteTableId} holds {held} of its {limits.RoutesPerRouteTable} route entries " +
                $"(Tencent's quota per table); this repair would add {plan.Create.Count}. Remove unused routes first.");
            plan.Create.Clear();
        }

        var viaPeering = table.Routes.Where(r => r.IsVia(pcx)).ToList();
        if (side.RemoveAllRoutes)
        {
            plan.Remove.AddRange(viaPeering.Select(r => r.DestinationCidrBlock));
            return;
        }

        foreach (var destination in side.RoutesToRemove.Distinct(StringComparer.Ordinal))
        {
            (viaPeering.Any(r => r.DestinationCidrBlock == destination) ? plan.Remove : plan.InPlace).Add(destination);
        }

        plan.Keep.AddRange(viaPeering.Where(r => !plan.Remove.Contains(r.DestinationCidrBlock)).Select(r => r.RouteItemId).OfType<string>());
    }

    /// <summary>Pre-flight's rules for one new route to the peering, or null when it may be created.</summary>
    private static string? NewRouteProblem(
        SideRepair side, string destination, string pcx, RouteTableFacts table, IReadOnlyList<RouteTableFacts> tables, VpcFacts? vpc)
    {
        if (!Cidr.IsValid(destination))
        {
            return $"Destination {destination} for {table.RouteTableId} is not an IPv4 CIDR.";
        }

        if (vpc?.AllCidrs.FirstOrDefault(own => Cidr.Overlaps(own, destination)) is { } own)
        {
            return $"Destination {destination} for {table.RouteTableId} overlaps {side.VpcId}'s own CIDR {own}.";
        }

        if (table.Routes.FirstOrDefault(r => r.GatewayType != TencentCloud.Vpc.V20170312.Models.GatewayTypes.Local
                && Cidr.Overlaps(r.DestinationCidrBlock, destination)) is { } clash)
        {
            return $"Destination {destination} overlaps {clash.DestinationCidrBlock} in {table.RouteTableId}, routed to {clash.GatewayType} {clash.GatewayId}.";
        }

        // Another peering already reaching these addresses from anywhere in this VPC would make traffic ambiguous.
        foreach (var other in tables.Where(t => t.RouteTableId != table.RouteTableId))
        {
            if (other.Routes.FirstOrDefault(r => r.IsViaAPeering() && !r.IsVia(pcx) && Cidr.Overlaps(r.DestinationCidrBlock, destination)) is { } route)
            {
                return $"Destination {destination} overlaps {route.DestinationCidrBlock}, already routed to peering {route.GatewayId} in {other.RouteTableId}.";
            }
        }

        return null;
    }

    private sealed class Builder(SideRepair side)
    {
        public List<string> Create { get; } = [];
        public List<string> Enable { get; } = [];
        public List<string> Remove { get; } = [];
        public List<string> Keep { get; } = [];
        public List<SubnetMove> Moves { get; } = [];
        public List<string> InPlace { get; } = [];
        public List<string> Reported { get; } = [];
        public List<string> Problems { get; } = [];

        public SideRepairPlan Build() => new(side, [.. Create], [.. Enable], [.. Remove], [.. Keep], [.. Moves], [.. InPlace], [.. Reported], [.. Problems]);
    }
}

/// <summary>What a repair does on one side, decided on what the side shows at repair time.</summary>
/// <param name="Create">Destinations to route to the peering (one CreateRoutes batch).</param>
/// <param name="Enable">Destinations whose route to the peering is disabled (one EnableRoutes).</param>
/// <param name="Remove">Destinations whose route to the peering goes.</param>
/// <param name="KeepRouteItemIds">Routes to the peering that stay when <see cref="Remove"/> goes (DeleteRoutes removes all but these).</param>
/// <param name="InPlace">Destinations and subnets already as the repair wants them: nothing to do, the finding is settled.</param>
/// <param name="Reported">What is left alone on purpose, in words (a destination now routed elsewhere, a subnet moved on).</param>
/// <param name="Problems">What cannot be done, in words (pre-flight's refusals, a table or subnet that is gone).</param>
public sealed record SideRepairPlan(
    SideRepair Side,
    IReadOnlyList<string> Create,
    IReadOnlyList<string> Enable,
    IReadOnlyList<string> Remove,
    IReadOnlyList<string> KeepRouteItemIds,
    IReadOnlyList<SubnetMove> Moves,
    IReadOnlyList<string> InPlace,
    IReadOnlyList<string> Reported,
    IReadOnlyList<string> Problems);
