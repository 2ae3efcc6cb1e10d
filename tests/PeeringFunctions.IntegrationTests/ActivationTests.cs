using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// Tencent activates an accepted cross-region peering asynchronously, and the activation may fail; deleting a peering
/// takes its routes with it. The product waits for ACTIVE before any route names the peering, compensates a failed
/// activation, and finishes compensation cleanly when Tencent removed the routes already.
/// </summary>
public sealed class ActivationTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task A_cross_region_activation_taking_thirty_seconds_of_emulator_time_ends_active_with_routes_on_both_sides()
    {
        Emulator.ConfigureActivation(new ActivationOptions { CrossRegionDelay = TimeSpan.FromSeconds(30) });
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var activating = await Api.WaitForStepAsync(started.Id, PeeringSteps.Activating);

        // Accepted, and Tencent still shows it PENDING: nothing names the peering yet.
        var pcx = activating.PeeringConnectionId!;
        Assert.Equal("PENDING", Emulator.Snapshot().Peering(pcx)?.State);
        Assert.Empty(Emulator.Snapshot().PeeringRoutes());
        Assert.Equal(0, Emulator.Calls().ForAction("CreateRoutes").Total);

        Emulator.AdvanceClock(TimeSpan.FromSeconds(30));
        var done = await Api.WaitForEndAsync(started.Id, TimeSpan.FromSeconds(60));

        var state = Emulator.Snapshot();
        Assert.Equal(pcx, AssertActive(done, state, AlphaVpc, BetaVpc).PeeringConnectionId);
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaCidr);
        AssertRoutesVia(state, BetaPeeringTable, pcx, AlphaCidr);
        // No route was ever refused for naming a peering that was not ACTIVE yet.
        Assert.Equal(0, Emulator.Calls().ForAction("CreateRoutes").Errors);
    }

    [Fact]
    public async Task A_failed_activation_is_compensated_and_leaves_nothing_behind()
    {
        Emulator.FailNextActivations(1);
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal(PeeringStatus.Failed, done.State);
        Assert.Equal(PeeringSteps.Activating, done.Outcome!.FailedStep);
        Assert.Contains("FAILED", done.Outcome.Message, StringComparison.Ordinal);
        Assert.Contains($"deleted peering {done.PeeringConnectionId}", done.Outcome.Undone);
        var state = Emulator.Snapshot();
        Assert.Equal("DELETED", state.Peering(done.PeeringConnectionId!)?.State);
        AssertNothingLeft(state, Seeded, AlphaVpc, BetaVpc);
        Assert.Equal(0, Emulator.Calls().ForAction("CreateRoutes").Total);
    }

    [Fact]
    public async Task An_accept_whose_reply_was_lost_while_tencent_activates_is_not_taken_for_a_refusal()
    {
        Emulator.AddFault(new FaultRule { Action = "AcceptVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        // The retried accept met the activation under way (VpcPeerInvalidStateChange on a PENDING peering): accepted.
        AssertActive(done, Emulator.Snapshot(), AlphaVpc, BetaVpc);
        Assert.Equal(2, Emulator.Calls().ForAction("AcceptVpcPeeringConnection").Total);
    }

    [Fact]
    public async Task Compensation_after_tencent_deleted_the_routes_with_the_peering_ends_cleanly_and_puts_the_subnets_back()
    {
        // Both associations are slow and beta's fails for good: the routes exist on both sides meanwhile.
        Emulator.SetLatency("ReplaceRouteTableAssociation", TimeSpan.FromSeconds(2));
        Emulator.AddFault(new FaultRule { Action = "ReplaceRouteTableAssociation", Account = Beta, Code = "UnsupportedOperation.VpcMismatch", Message = "no", Count = 1 });
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var configuring = await Api.WaitUntilAsync(started.Id,
            v => v.PeeringConnectionId is { } id && Emulator.Snapshot().RoutesVia(BetaPeeringTable, id).Count > 0
                && Emulator.Snapshot().RoutesVia(AlphaPeeringTable, id).Count > 0,
            "routes on both sides");
        var pcx = configuring.PeeringConnectionId!;

        // Meanwhile the receiver deletes the peering in the console, and Tencent takes the routes with it.
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = pcx });
        Assert.Empty(Emulator.Snapshot().PeeringRoutes());
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal(PeeringStatus.Failed, done.State);
        Assert.Equal(PeeringSteps.Configuring, done.Outcome!.FailedStep);
        Assert.Single(done.Outcome.Problems); // the failure itself; compensation added no problem of its own
        Assert.Contains($"deleted peering {pcx}", done.Outcome.Undone);
        AssertNothingLeft(Emulator.Snapshot(), Seeded, AlphaVpc, BetaVpc);
    }
}
