using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests;

/// <summary>What "the peering works" means on the emulator, shared by the tests that reach Active.</summary>
internal static class ActiveAssertions
{
    /// <summary>Completed/Active, the pair has exactly one peering and it is ACTIVE, and each managed side routes through it.</summary>
    /// <param name="onlyLivePeering">Count only PENDING/ACTIVE records (earlier, deleted peerings of the pair stay listed).</param>
    public static PeeringState AssertActive(PeeringView done, EmulatorState state, string initiatorVpc, string receiverVpc, bool onlyLivePeering = false)
    {
        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal("Active", done.State);
        Assert.NotNull(done.Outcome);
        Assert.Equal("Active", done.Outcome.Status);
        Assert.Empty(done.Outcome.Problems);

        var peering = Assert.Single(onlyLivePeering ? state.LivePeeringsBetween(initiatorVpc, receiverVpc) : state.PeeringsBetween(initiatorVpc, receiverVpc));
        Assert.Equal(done.PeeringConnectionId, peering.PeeringConnectionId);
        Assert.Equal("ACTIVE", peering.State);
        return peering;
    }

    /// <summary>Exactly one enabled route to <paramref name="destination"/> in the table, next hop PEERCONNECTION = the pcx.</summary>
    public static void AssertRoutesVia(EmulatorState state, string routeTableId, string peeringConnectionId, string destination)
    {
        var route = Assert.Single(state.RoutesVia(routeTableId, peeringConnectionId));
        Assert.Equal(destination, route.DestinationCidrBlock);
        Assert.Equal("PEERCONNECTION", route.GatewayType);
        Assert.True(route.Enabled, $"route {route.RouteItemId} in {routeTableId} is disabled");
    }

    public static void AssertOnTable(EmulatorState state, string subnetId, string routeTableId) =>
        Assert.Equal(routeTableId, state.Subnet(subnetId)?.RouteTableId);

    /// <summary>Nothing of a failed or refused peering is left: no peering route anywhere, subnets where the seed put them, no live peering.</summary>
    public static void AssertNothingLeft(EmulatorState state, EmulatorState seeded, string vpcA, string vpcB)
    {
        Assert.Empty(state.PeeringRoutes());
        Assert.Equal(seeded.Associations(), state.Associations());
        Assert.Empty(state.LivePeeringsBetween(vpcA, vpcB));
    }
}
