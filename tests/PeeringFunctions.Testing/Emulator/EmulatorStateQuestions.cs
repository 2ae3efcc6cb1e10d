using TencentVpcEmulator;

namespace PeeringFunctions.Testing.Emulator;

/// <summary>Questions the tests ask of the emulator's state: what a pair holds, duplicates and leftovers.</summary>
public static class EmulatorStateQuestions
{
    /// <summary>Every peering record of a VPC pair, in either direction, whatever its state (DELETED ones stay listed).</summary>
    public static IReadOnlyList<PeeringState> PeeringsBetween(this EmulatorState state, string vpcA, string vpcB) =>
        [.. state.Peerings.Where(p => (p.SourceVpcId == vpcA && p.DestinationVpcId == vpcB) || (p.SourceVpcId == vpcB && p.DestinationVpcId == vpcA))];

    /// <summary>PENDING or ACTIVE: the peerings Tencent counts as existing (open or live) for the pair.</summary>
    public static IReadOnlyList<PeeringState> LivePeeringsBetween(this EmulatorState state, string vpcA, string vpcB) =>
        [.. state.PeeringsBetween(vpcA, vpcB).Where(p => p.State is "PENDING" or "ACTIVE")];

    /// <summary>Routes of one table whose next hop is the given peering.</summary>
    public static IReadOnlyList<RouteState> RoutesVia(this EmulatorState state, string routeTableId, string? peeringConnectionId) =>
        [.. (state.RouteTable(routeTableId)?.Routes ?? []).Where(r => r.GatewayType == "PEERCONNECTION" && r.GatewayId == peeringConnectionId)];

    /// <summary>Routes anywhere in the emulator whose next hop is any peering connection.</summary>
    public static IReadOnlyList<RouteState> PeeringRoutes(this EmulatorState state) =>
        [.. state.RouteTables.SelectMany(t => t.Routes).Where(r => r.GatewayType == "PEERCONNECTION")];

    /// <summary>The route table each subnet is on, to compare with the seed.</summary>
    public static IReadOnlyDictionary<string, string> Associations(this EmulatorState state) =>
        state.Subnets.ToDictionary(s => s.SubnetId, s => s.RouteTableId, StringComparer.Ordinal);

    /// <summary>"table: destination" for every destination a table routes more than once: a duplicated route.</summary>
    public static IReadOnlyList<string> DuplicateRoutes(this EmulatorState state) =>
        [.. state.RouteTables.SelectMany(t => t.Routes.GroupBy(r => r.DestinationCidrBlock).Where(g => g.Count() > 1)
            .Select(g => $"{t.RouteTableId}: {g.Key} x{g.Count()}"))];

    /// <summary>
    /// What a failed or refused peering of the pair left behind: open peerings, routes through any of the pair's
    /// peerings, and subnets of the two VPCs that are not on their seeded table. Empty means cleanly undone.
    /// </summary>
    public static IReadOnlyList<string> Leftovers(this EmulatorState state, EmulatorState seeded, string vpcA, string vpcB)
    {
        var left = new List<string>();
        left.AddRange(state.LivePeeringsBetween(vpcA, vpcB).Select(p => $"open peering {p.PeeringConnectionId} ({p.State})"));
        var pairPeerings = state.PeeringsBetween(vpcA, vpcB).Select(p => p.PeeringConnectionId).ToHashSet(StringComparer.Ordinal);
        left.AddRange(state.RouteTables.SelectMany(t => t.Routes.Where(r => r.GatewayType == "PEERCONNECTION" && pairPeerings.Contains(r.GatewayId))
            .Select(r => $"orphan route {r.DestinationCidrBlock} -> {r.GatewayId} in {t.RouteTableId}")));
        var seededAssociations = seeded.Associations();
        left.AddRange(state.Subnets.Where(s => (s.VpcId == vpcA || s.VpcId == vpcB) && seededAssociations.TryGetValue(s.SubnetId, out var table) && table != s.RouteTableId)
            .Select(s => $"association change: {s.SubnetId} on {s.RouteTableId}, seeded on {seededAssociations[s.SubnetId]}"));
        return left;
    }
}
