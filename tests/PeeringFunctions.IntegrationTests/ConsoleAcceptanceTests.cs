using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// A managed receiver that decides in the Tencent console — directly on Tencent with its own key pair, never through
/// our API — is noticed by the acceptance poller's next tick, which the test makes itself (the host's timer is off).
/// </summary>
public sealed class ConsoleAcceptanceTests(ManualPollingHostFixture fixture) : IntegrationTest(fixture), IClassFixture<ManualPollingHostFixture>
{
    private ManualPollingHostFixture Polling { get; } = fixture;

    [Fact]
    public async Task Managed_receiver_accepting_in_the_console_is_completed_by_the_next_poller_tick_active_with_routes_on_both_sides()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var pcx = (await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance)).PeeringConnectionId!;

        // Before anyone decides, a tick asks Tencent once and raises nothing.
        var before = await Polling.TickAsync();
        Assert.Equal((1, 1, 1), (before.Waiting, before.Groups, before.TencentCalls));
        Assert.Empty(before.Raised);
        Assert.Empty(before.GroupErrors);

        // beta accepts in its console: a signed call with beta's own key pair, straight to Tencent.
        await TencentConsole.AcceptAsBetaAsync(Emulator.BaseUrl, Shanghai, pcx);

        // Tencent activates a cross-region peering in its own time: still PENDING, so a tick raises nothing yet.
        Assert.Equal("PENDING", Emulator.Snapshot().Peering(pcx)?.State);
        Assert.Empty((await Polling.TickAsync()).Raised);
        Emulator.AdvanceClock(TimeSpan.FromSeconds(Emulator.Activation().CrossRegionSeconds));
        Assert.Equal("ACTIVE", Emulator.Snapshot().Peering(pcx)?.State);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, (await Api.GetAsync(started.Id)).Step);

        var tick = await Polling.TickAsync();
        Assert.Empty(tick.GroupErrors);
        Assert.Equal([$"{started.Id}:ACTIVE"], tick.Raised);

        // A second sighting raises the same decision id (or nothing, once the workflow has moved on): it changes nothing.
        var again = await Polling.TickAsync();
        Assert.True(again.Raised.Count == 0 || again.Raised.SequenceEqual(tick.Raised), string.Join(", ", again.Raised));

        var done = await Api.WaitForEndAsync(started.Id);
        var state = Emulator.Snapshot();
        var peering = AssertActive(done, state, AlphaVpc, BetaVpc);
        Assert.Equal(pcx, peering.PeeringConnectionId);
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaCidr);
        AssertRoutesVia(state, BetaPeeringTable, pcx, AlphaCidr);
        AssertOnTable(state, AlphaWebSubnet, AlphaPeeringTable);
        AssertOnTable(state, BetaAppSubnet, BetaPeeringTable);

        // The app did not accept again (Tencent already showed ACTIVE); it configured beta's side with beta's credentials.
        var betaCalls = Emulator.Calls().ByAccountAndAction[Beta];
        Assert.Equal(1, betaCalls["AcceptVpcPeeringConnection"].Total);
        Assert.Equal(1, betaCalls["CreateRoutes"].Writes);

        // The audit trail names the console as the channel, once for both sightings, before the routes it led to.
        var trail = await Fixture.Host.Audit.ListAsync(started.Id);
        var accepted = Assert.Single(trail, e => e.Kind == PeeringFunctions.Registry.Audit.AuditKinds.Accepted);
        Assert.Equal(("Tencent console", PeeringFunctions.Registry.Audit.AuditChannels.Console), (accepted.Actor, accepted.Channel));
        Assert.Contains($"Tencent shows {pcx} ACTIVE", accepted.Summary, StringComparison.Ordinal);
        Assert.True(trail.ToList().IndexOf(accepted) < trail.ToList().FindIndex(e => e.Summary.StartsWith("CreateRoutes", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Managed_receiver_rejecting_in_the_console_ends_rejected_after_the_next_poller_tick()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        var pcx = (await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance)).PeeringConnectionId!;

        await TencentConsole.RejectAsBetaAsync(Emulator.BaseUrl, Guangzhou, pcx);
        Assert.Equal("REJECTED", Emulator.Snapshot().Peering(pcx)?.State);
        var writesBefore = Emulator.Calls().Totals.Writes;

        var tick = await Polling.TickAsync();
        Assert.Empty(tick.GroupErrors);
        Assert.Equal([$"{started.Id}:REJECTED"], tick.Raised);
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(PeeringStatus.Rejected, done.State);
        Assert.Equal(pcx, done.PeeringConnectionId);
        Assert.Contains(DecisionSources.Poller, done.Outcome!.Message, StringComparison.Ordinal);

        // Tencent already shows REJECTED: nothing more is written, nothing is left behind.
        var state = Emulator.Snapshot();
        Assert.Equal("REJECTED", Assert.Single(state.PeeringsBetween(AlphaVpc, BetaGzVpc)).State);
        Assert.Equal(writesBefore, Emulator.Calls().Totals.Writes);
        Assert.Equal(1, Emulator.Calls().ByAccountAndAction[Beta]["RejectVpcPeeringConnection"].Total);
        AssertNothingLeft(state, Seeded, AlphaVpc, BetaGzVpc);
    }

    [Fact]
    public async Task Console_decision_on_one_peering_leaves_the_other_waiting_peering_untouched()
    {
        var accepted = await Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        var pending = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var acceptedPcx = (await Api.WaitForStepAsync(accepted.Id, PeeringSteps.WaitingForAcceptance)).PeeringConnectionId!;
        await Api.WaitForStepAsync(pending.Id, PeeringSteps.WaitingForAcceptance);

        await TencentConsole.AcceptAsBetaAsync(Emulator.BaseUrl, Guangzhou, acceptedPcx);
        var tick = await Polling.TickAsync();

        // Both are alpha's in ap-guangzhou: one group, one call, one decision.
        Assert.Equal((2, 1, 1), (tick.Waiting, tick.Groups, tick.TencentCalls));
        Assert.Equal([$"{accepted.Id}:ACTIVE"], tick.Raised);
        AssertActive(await Api.WaitForEndAsync(accepted.Id), Emulator.Snapshot(), AlphaVpc, BetaGzVpc);
        var still = await Api.GetAsync(pending.Id);
        Assert.Equal(("Running", PeeringSteps.WaitingForAcceptance), (still.RuntimeStatus, still.Step));
    }
}
