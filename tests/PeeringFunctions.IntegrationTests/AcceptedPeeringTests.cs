using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>Managed receiver, accepted over HTTP by its approver: the whole procedure, checked on both sides.</summary>
public sealed class AcceptedPeeringTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Same_region_peering_accepted_over_http_is_active_with_routes_and_subnets_on_both_sides()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        var waiting = await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        Assert.Equal("PENDING", Emulator.Snapshot().Peering(waiting.PeeringConnectionId!)?.State);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        var state = Emulator.Snapshot();
        var peering = AssertActive(done, state, AlphaVpc, BetaGzVpc);
        var pcx = peering.PeeringConnectionId;
        Assert.Equal(waiting.PeeringConnectionId, pcx);
        Assert.Equal((Guangzhou, Guangzhou), (peering.SourceRegion, peering.DestinationRegion));
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaGzCidr);
        AssertRoutesVia(state, BetaGzMainTable, pcx, AlphaCidr);
        AssertOnTable(state, AlphaWebSubnet, AlphaPeeringTable);
        AssertOnTable(state, BetaGzSubnet, BetaGzMainTable);
        Assert.Equal([new AssociationChange(AlphaWebSubnet, AlphaMainTable, AlphaPeeringTable)], done.Outcome!.Initiator.AssociationChanges);

        // In the console, the peering says what manages it and which request made it.
        Assert.Equal(
            [new TencentVpcEmulator.TagState("managed-by", "PeeringFunctions"), new TencentVpcEmulator.TagState("peering-request", started.Id)],
            peering.Tags);
    }

    [Fact]
    public async Task Cross_region_peering_with_bandwidth_and_charge_type_is_active_with_routes_and_subnets_on_both_sides()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        var state = Emulator.Snapshot();
        var peering = AssertActive(done, state, AlphaVpc, BetaVpc);
        var pcx = peering.PeeringConnectionId;
        Assert.Equal((Guangzhou, Shanghai), (peering.SourceRegion, peering.DestinationRegion));
        Assert.Equal((Alpha, Beta), (peering.SourceAccount, peering.DestinationAccount));
        Assert.Equal(20, peering.Bandwidth);
        Assert.Equal("POSTPAID_BY_DAY_MAX", peering.ChargeType);
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaCidr);
        AssertRoutesVia(state, BetaPeeringTable, pcx, AlphaCidr);
        AssertOnTable(state, AlphaWebSubnet, AlphaPeeringTable);
        AssertOnTable(state, BetaAppSubnet, BetaPeeringTable);

        // The receiver's side was configured with the receiver's own credentials.
        var betaCalls = Emulator.Calls().ByAccountAndAction[Beta];
        Assert.Equal(1, betaCalls["AcceptVpcPeeringConnection"].Writes);
        Assert.Equal(1, betaCalls["CreateRoutes"].Writes);
    }
}
