using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>Questions the tests ask of the emulator's state.</summary>
public static class EmulatorStateExtensions
{
    /// <summary>Every peering record of a VPC pair, in either direction, whatever its state (DELETED ones stay listed).</summary>
    public static IReadOnlyList<PeeringState> PeeringsBetween(this EmulatorState state, string vpcA, string vpcB) =>
        [.. state.Peerings.Where(p => (p.SourceVpcId == vpcA && p.DestinationVpcId == vpcB) || (p.SourceVpcId == vpcB && p.DestinationVpcId == vpcA))];

    /// <summary>PENDING or ACTIVE: the peerings Tencent counts as existing for the pair.</summary>
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
}
