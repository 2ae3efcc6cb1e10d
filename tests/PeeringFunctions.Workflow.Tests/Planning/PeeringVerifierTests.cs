using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Planning;

public sealed class PeeringVerifierTests
{
    private const string Pcx = NewPeeringId;

    private static readonly SidePlan Side = new(
        Alpha, Guangzhou, AlphaVpc, AlphaPcxTable,
        Destinations: [BetaCidr, "172.17.0.0/16"],
        DestinationsToAdd: [BetaCidr, "172.17.0.0/16"],
        PreexistingRouteItemIds: [],
        SubnetMoves: [new AssociationChange(AlphaWeb, AlphaMainTable, AlphaPcxTable)],
        SubnetIds: [AlphaWeb]);

    private static RouteFacts Route(string destination, string gatewayType = "PEERCONNECTION", string gatewayId = Pcx, bool enabled = true) =>
        new("rti-" + destination, 1, destination, gatewayType, gatewayId, enabled, "USER");

    private static RouteTableFacts Table(IReadOnlyList<string> subnets, params RouteFacts[] routes) => new(AlphaPcxTable, false, subnets, routes);

    [Fact]
    public void A_side_as_planned_has_no_problem()
    {
        var problems = PeeringVerifier.CheckSide(Side, Pcx, [Table([AlphaWeb, AlphaDb], Route(BetaCidr), Route("172.17.0.0/16"))]);

        Assert.Empty(problems);
    }

    [Fact]
    public void A_missing_table_is_the_only_problem_reported()
    {
        var problems = PeeringVerifier.CheckSide(Side, Pcx, [Table([AlphaWeb], Route(BetaCidr)) with { RouteTableId = AlphaMainTable }]);

        Assert.Equal([$"Route table {AlphaPcxTable} (alpha) is gone."], problems);
    }

    [Fact]
    public void Each_missing_route_is_reported()
    {
        var problems = PeeringVerifier.CheckSide(Side, Pcx, [Table([AlphaWeb])]);

        Assert.Equal(
        [
            $"Route {BetaCidr} → {Pcx} is missing from {AlphaPcxTable} (alpha).",
            $"Route 172.17.0.0/16 → {Pcx} is missing from {AlphaPcxTable} (alpha).",
        ], problems);
    }

    [Theory]
    [InlineData("PEERCONNECTION", "pcx-other001")]
    [InlineData("NAT", Pcx)]
    public void A_route_to_the_destination_through_something_else_counts_as_missing(string gatewayType, string gatewayId)
    {
        var problems = PeeringVerifier.CheckSide(Side, Pcx, [Table([AlphaWeb], Route(BetaCidr, gatewayType, gatewayId), Route("172.17.0.0/16"))]);

        Assert.Equal([$"Route {BetaCidr} → {Pcx} is missing from {AlphaPcxTable} (alpha)."], problems);
    }

    [Fact]
    public void A_disabled_route_is_reported()
    {
        var problems = PeeringVerifier.CheckSide(Side, Pcx, [Table([AlphaWeb], Route(BetaCidr, enabled: false), Route("172.17.0.0/16"))]);

        Assert.Equal([$"Route {BetaCidr} → {Pcx} in {AlphaPcxTable} (alpha) is disabled."], problems);
    }

    [Fact]
    public void A_subnet_not_associated_with_the_table_is_reported()
    {
        var problems = PeeringVerifier.CheckSide(Side, Pcx, [Table([AlphaDb], Route(BetaCidr), Route("172.17.0.0/16"))]);

        Assert.Equal([$"Subnet {AlphaWeb} is not associated with {AlphaPcxTable} (alpha)."], problems);
    }
}
