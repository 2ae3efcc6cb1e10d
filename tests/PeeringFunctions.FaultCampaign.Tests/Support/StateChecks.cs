using TencentVpcEmulator;

namespace PeeringFunctions.Reliability.Support;

/// <summary>Questions about the emulator's state that every reliability test asks: duplicates and leftovers.</summary>
internal static class StateChecks
{
    /// <summary>Every peering record of a VPC pair in either direction, whatever its state (deleted ones stay listed).</summary>
    public static IReadOnlyList<PeeringState> PeeringsBetween(this EmulatorState state, string vpcA, string vpcB) =>
        [.. state.Peerings.Where(p => (p.SourceVpcId == vpcA && p.DestinationVpcId == vpcB) || (p.SourceVpcId == vpcB && p.DestinationVpcId == vpcA))];

    /// <summary>PENDING or ACTIVE: what Tencent counts as an open or live peering of the pair.</summary>
    public static IReadOnlyList<PeeringState> OpenPeeringsBetween(this EmulatorState state, string vpcA, string vpcB) =>
        [.. state.PeeringsBetween(vpcA, vpcB).Where(p => p.State is "PENDING" or "ACTIVE")];

    /// <summary>Routes in any table whose next hop is a peering connection.</summary>
    public static IReadOnlyList<(RouteTableState Table, RouteState Route)> PeeringRoutes(this EmulatorState state) =>
        [.. state.RouteTables.SelectMany(t => t.Routes.Where(r => r.GatewayType == "PEERCONNECTION").Select(r => (t, r)))];

    /// <summary>Routes of one table whose next hop is <paramref name="peeringConnectionId"/>.</summary>
    public static IReadOnlyList<RouteState> RoutesVia(this EmulatorState state, string routeTableId, string peeringConnectionId) =>
        [.. (state.RouteTable(routeTableId)?.Routes ?? []).Where(r => r.GatewayType == "PEERCONNECTION" && r.GatewayId == peeringConnectionId)];

    /// <summary>"table: destination" for every destination a table routes more than once: a duplicated route.</summary>
    public static IReadOnlyList<string> DuplicateRoutes(this EmulatorState state) =>
        [.. state.RouteTables.SelectMany(t => t.Routes.GroupBy(r => r.DestinationCidrBlock).Where(g => g.Count() > 1)
            .Select(g => $"{t.RouteTableId}: {g.Key} x{g.Count()}"))];

    /// <summary>Subnet → route table, to compare with the seeded associations.</summary>
    public static IReadOnlyDictionary<string, string> Associations(this EmulatorState state) =>
        state.Subnets.ToDictionary(s => s.SubnetId, s => s.RouteTableId, StringComparer.Ordinal);

    /// <summary>
    /// What a failed or refused peering of the pair left behind: open peerings, routes through any of the pair's
    /// peerings, and subnets of the two VPCs that are not on their seeded table. Empty means cleanly undone.
    /// </summary>
    public static IReadOnlyList<string> Leftovers(this EmulatorState state, EmulatorState seeded, string vpcA, string vpcB)
    {
        var left = new List<string>();
        left.AddRange(state.OpenPeeringsBetween(vpcA, vpcB).Select(p => $"open peering {p.PeeringConnectionId} ({p.State})"));
        var pairPeerings = state.PeeringsBetween(vpcA, vpcB).Select(p => p.PeeringConnectionId).ToHashSet(StringComparer.Ordinal);
        left.AddRange(state.PeeringRoutes().Where(x => pairPeerings.Contains(x.Route.GatewayId))
            .Select(x => $"orphan route {x.Route.DestinationCidrBlock} -> {x.Route.GatewayId} in {x.Table.RouteTableId}"));
        var seededAssociations = seeded.Associations();
        left.AddRange(state.Subnets.Where(s => (s.VpcId == vpcA || s.VpcId == vpcB) && seededAssociations.TryGetValue(s.SubnetId, out var table) && table != s.RouteTableId)
            .Select(s => $"association change: {s.SubnetId} on {s.RouteTableId}, seeded on {seededAssociations[s.SubnetId]}"));
        return left;
    }
}
