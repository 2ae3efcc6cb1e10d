using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Planning;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

public sealed class UndoLogTests
{
    [Fact]
    public void Entries_are_kept_in_the_order_the_changes_were_requested_and_carry_what_undo_needs()
    {
        var side = new SidePlan(Alpha, Guangzhou, AlphaVpc, AlphaPcxTable, [BetaCidr], [BetaCidr], ["rti-00000042"],
            [new AssociationChange(AlphaWeb, AlphaMainTable, AlphaPcxTable)], [AlphaWeb]);
        var log = new UndoLog();

        log.PeeringRequested(Alpha, Guangzhou, AlphaVpc, BetaVpc, (Beta, Shanghai));
        log.PeeringCreated(NewPeeringId);
        log.RoutesRequested(side, NewPeeringId);
        log.SubnetMoveRequested(side, side.SubnetMoves[0]);

        Assert.Collection(
            log.Entries,
            e => Assert.Equal(new UndoEntry.DeletePeering(Alpha, Guangzhou, NewPeeringId, AlphaVpc, BetaVpc, Beta, Shanghai), e),
            e =>
            {
                var routes = Assert.IsType<UndoEntry.RemoveRoutes>(e);
                Assert.Equal((Alpha, Guangzhou, AlphaPcxTable, NewPeeringId), (routes.Account, routes.Region, routes.RouteTableId, routes.PeeringConnectionId));
                Assert.Equal(["rti-00000042"], routes.KeepRouteItemIds);
            },
            e => Assert.Equal(new UndoEntry.RestoreAssociation(Alpha, Guangzhou, AlphaWeb, AlphaMainTable, AlphaPcxTable), e));
        Assert.Equal(
        [
            $"deleted peering {NewPeeringId}",
            $"removed the routes to {NewPeeringId} from {AlphaPcxTable} (alpha)",
            $"moved subnet {AlphaWeb} back to {AlphaMainTable} (alpha)",
        ], log.Entries.Select(e => e.ToString()));
    }

    [Fact]
    public void A_request_whose_id_never_came_back_is_undone_by_its_vpc_pair()
    {
        var log = new UndoLog();

        log.PeeringRequested(Alpha, Guangzhou, AlphaVpc, BetaVpc, receiver: null);

        var entry = Assert.IsType<UndoEntry.DeletePeering>(Assert.Single(log.Entries));
        Assert.Null(entry.PeeringConnectionId);
        Assert.Equal((AlphaVpc, BetaVpc), (entry.SourceVpcId, entry.DestinationVpcId));
        Assert.Equal($"deleted peering request {AlphaVpc} → {BetaVpc}", entry.ToString());
    }
}
