using PeeringFunctions.Peerings.Tests.Support;
using PeeringFunctions.Workflow.Contracts;
using Xunit.Abstractions;
using static PeeringFunctions.Peerings.Tests.Support.PollerWorld;

namespace PeeringFunctions.Peerings.Tests.Acceptance;

/// <summary>What the poller raises: for each peering Tencent shows decided, the decision event the HTTP function raises, from source "poller".</summary>
public sealed class PollerDecisionTests(ITestOutputHelper output)
{
    private static readonly GroupSpec Group = new(Alpha, Guangzhou, 6);

    [Fact]
    public async Task Only_peerings_tencent_shows_active_rejected_expired_or_deleted_get_a_decision_carrying_the_observed_state()
    {
        await using var world = await StartAsync(Group);
        var peerings = await DecideOneOfEachAsync(world);

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        var expected = new Dictionary<string, string>
        {
            [peerings.Expired.InstanceId] = "EXPIRED",
            [peerings.Accepted.InstanceId] = "ACTIVE",
            [peerings.Rejected.InstanceId] = "REJECTED",
            [peerings.DeletedByInitiator.InstanceId] = "DELETED",
            [peerings.DeletedByReceiver.InstanceId] = "DELETED",
        };
        var decisions = world.Durable.Decisions();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), decisions.Select(d => d.InstanceId).Order(StringComparer.Ordinal));
        foreach (var (instanceId, decision) in decisions)
        {
            var state = expected[instanceId];
            var pcx = peerings.All.Single(p => p.InstanceId == instanceId).PeeringConnectionId;
            Assert.Equal($"poller:{pcx}:{state}", decision.DecisionId);
            Assert.Equal(state == "ACTIVE", decision.Accept);
            Assert.Equal(DecisionSources.Poller, decision.Source);
            Assert.Equal("Tencent", decision.DecidedBy);
            Assert.Equal(pcx, decision.PeeringConnectionId);
            Assert.Equal(state, decision.ObservedTencentState);
        }

        // The pending one gets nothing; the report lists exactly what was raised; one call for the whole group.
        Assert.DoesNotContain(decisions, d => d.InstanceId == peerings.Pending.InstanceId);
        Assert.Equal(expected.Select(e => $"{e.Key}:{e.Value}").Order(StringComparer.Ordinal), report.Raised.Order(StringComparer.Ordinal));
        Assert.Equal(6, report.Waiting);
        Assert.Empty(report.GroupErrors);
        Assert.Equal(1, world.DescribeCalls());
        Assert.Equal(1, report.TencentCalls);
    }

    [Fact]
    public async Task Second_tick_raises_the_same_decision_ids_again_so_the_orchestrator_can_de_duplicate_them()
    {
        await using var world = await StartAsync(Group);
        await DecideOneOfEachAsync(world);

        await world.TickAsync(output, "tick 1");
        var first = world.Durable.Decisions();
        world.Durable.ClearRaised();
        await world.TickAsync(output, "tick 2");
        var second = world.Durable.Decisions();

        Assert.Equal(5, first.Count);
        Assert.Equal(
            first.Select(d => (d.InstanceId, d.Decision)).OrderBy(d => d.InstanceId, StringComparer.Ordinal),
            second.Select(d => (d.InstanceId, d.Decision)).OrderBy(d => d.InstanceId, StringComparer.Ordinal));
        Assert.Equal(first.Count, first.Select(d => d.Decision.DecisionId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Peering_the_receiver_accepts_between_two_ticks_is_raised_by_the_next_tick()
    {
        var group = new GroupSpec(Alpha, Guangzhou, 1);
        await using var world = await StartAsync(group);
        var peering = Assert.Single(await world.RequestAsync(group));

        var before = await world.TickAsync(output, "before the receiver decides");
        Assert.Empty(before.Raised);
        Assert.Empty(world.Durable.Raised);

        await world.AcceptAsReceiverAsync(peering);
        var after = await world.TickAsync(output, "after the receiver accepted");

        var (instanceId, decision) = Assert.Single(world.Durable.Decisions());
        Assert.Equal(peering.InstanceId, instanceId);
        Assert.Equal(new AcceptanceDecision($"poller:{peering.PeeringConnectionId}:ACTIVE", true, DecisionSources.Poller, "Tencent", peering.PeeringConnectionId, "ACTIVE"), decision);
        Assert.Equal([$"{peering.InstanceId}:ACTIVE"], after.Raised);
    }

    /// <summary>
    /// Six peerings of one group, one in each state: the first requested and left to expire (the emulator's clock moved
    /// past Tencent's seven days), then one accepted and one rejected by the receiver in its own account, one withdrawn
    /// by the initiator, one deleted by the receiver, and one still pending.
    /// </summary>
    private static async Task<DecidedPeerings> DecideOneOfEachAsync(PollerWorld world)
    {
        var expired = Assert.Single(await world.RequestAsync(Group, [0]));
        world.Emulator.AdvanceClock(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var rest = await world.RequestAsync(Group, [1, 2, 3, 4, 5]);
        var peerings = new DecidedPeerings(expired, rest[0], rest[1], rest[2], rest[3], rest[4]);

        await world.AcceptAsReceiverAsync(peerings.Accepted);
        await world.RejectAsReceiverAsync(peerings.Rejected);
        await world.DeleteAsAsync(Alpha, peerings.DeletedByInitiator);
        await world.DeleteAsAsync(Receiver, peerings.DeletedByReceiver);

        Assert.Equal("EXPIRED", world.StateOf(peerings.Expired));
        Assert.Equal("ACTIVE", world.StateOf(peerings.Accepted));
        Assert.Equal("REJECTED", world.StateOf(peerings.Rejected));
        Assert.Equal("DELETED", world.StateOf(peerings.DeletedByInitiator));
        Assert.Equal("DELETED", world.StateOf(peerings.DeletedByReceiver));
        Assert.Equal("PENDING", world.StateOf(peerings.Pending));
        return peerings;
    }

    private sealed record DecidedPeerings(
        RequestedPeering Expired,
        RequestedPeering Accepted,
        RequestedPeering Rejected,
        RequestedPeering DeletedByInitiator,
        RequestedPeering DeletedByReceiver,
        RequestedPeering Pending)
    {
        public IReadOnlyList<RequestedPeering> All => [Expired, Accepted, Rejected, DeletedByInitiator, DeletedByReceiver, Pending];
    }
}
