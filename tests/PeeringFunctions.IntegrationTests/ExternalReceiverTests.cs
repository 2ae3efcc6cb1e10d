using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// A receiver known only by its UIN decides in its own account; the acceptance poller is how we learn of it. The
/// host's background poller is off: each test ticks the host's poller itself, right after the receiver decided.
/// </summary>
public sealed class ExternalReceiverTests(ManualPollingHostFixture fixture) : IntegrationTest(fixture), IClassFixture<ManualPollingHostFixture>
{
    private ManualPollingHostFixture Polling { get; } = fixture;

    [Fact]
    public async Task External_receiver_accepting_in_its_own_account_completes_the_peering_with_routes_only_on_the_initiators_side()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.ExternalReceiver());
        var waiting = await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        var pcx = waiting.PeeringConnectionId!;
        Assert.Equal(SideStates.External, waiting.Receiver.Progress);

        // beta accepts with its own key pair, outside our app.
        await TencentConsole.AcceptAsBetaAsync(Emulator.BaseUrl, Guangzhou, pcx);
        Assert.Equal("ACTIVE", Emulator.Snapshot().Peering(pcx)?.State);

        // The next tick of the real poller sees it with alpha's credentials and raises the decision.
        var describesBefore = Emulator.Calls().ForAction("DescribeVpcPeeringConnections").Total;
        var report = await Polling.TickAsync();
        Assert.Equal(1, report.Waiting);
        Assert.Empty(report.GroupErrors);
        Assert.Equal([$"{started.Id}:ACTIVE"], report.Raised);
        Assert.Equal(1, report.TencentCalls);
        Assert.Equal(describesBefore + 1, Emulator.Calls().ForAction("DescribeVpcPeeringConnections").Total);
        var done = await Api.WaitForEndAsync(started.Id);

        var state = Emulator.Snapshot();
        AssertActive(done, state, AlphaVpc, BetaGzVpc);
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaGzCidr);
        AssertOnTable(state, AlphaWebSubnet, AlphaPeeringTable);

        // Nothing on the receiver's side: its tables and subnets are as seeded, and its only write is its own accept.
        Assert.Equal(Seeded.RouteTable(BetaGzMainTable), state.RouteTable(BetaGzMainTable), RouteTableComparer.Instance);
        AssertOnTable(state, BetaGzSubnet, BetaGzMainTable);
        Assert.Equal(1, Emulator.Calls().ForAccount(Beta).Writes);

        // Finished: the next tick has nothing left to ask Tencent about.
        var after = await Polling.TickAsync();
        Assert.Equal((0, 0, 0), (after.Waiting, after.Groups, after.TencentCalls));
    }

    [Fact]
    public async Task Request_tencent_expires_before_anyone_answers_ends_expired_without_another_tencent_write()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.ExternalReceiver());
        var pcx = (await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance)).PeeringConnectionId!;

        // Tencent expires an unanswered cross-account request after 7 days: move the emulator's clock past that.
        Emulator.AdvanceClock(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal("EXPIRED", Emulator.Snapshot().Peering(pcx)?.State);
        var writesBefore = Emulator.Calls().Totals.Writes;

        // The poller signs with the emulator's (advanced) clock here, as a real one would sign with Tencent's time.
        var report = await Polling.TickAsync(Polling.PollerOnEmulatorClock());
        Assert.Empty(report.GroupErrors);
        Assert.Equal([$"{started.Id}:EXPIRED"], report.Raised);
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(PeeringStatus.Expired, done.State);
        var state = Emulator.Snapshot();
        Assert.Equal(writesBefore, Emulator.Calls().Totals.Writes);
        AssertNothingLeft(state, Seeded, AlphaVpc, BetaGzVpc);
    }
}
