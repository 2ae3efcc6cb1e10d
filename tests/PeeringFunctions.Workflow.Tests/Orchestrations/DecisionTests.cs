using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>What the receiver decides (or fails to decide) and how each answer ends the peering.</summary>
public sealed class DecisionTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task Rejection_by_a_managed_receiver_rejects_with_the_receivers_credentials_and_creates_no_routes()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Reject());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Rejected, outcome.Status);
        Assert.Equal(NewPeeringId, outcome.PeeringConnectionId);
        Assert.Equal([$"rejected pending request {NewPeeringId}"], outcome.Undone);
        Assert.Contains("rejected", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("chat, ops@beta", outcome.Message, StringComparison.Ordinal);
        Assert.Equal([nameof(CreatePeeringActivity), nameof(RejectPeeringActivity)], Demo.WritesIn(context));
        Assert.Equal(new PeeringTarget(Beta, Shanghai, NewPeeringId), Assert.Single(context.InputsOf<PeeringTarget>(nameof(RejectPeeringActivity))));
        Assert.Equal("REJECTED", cloud.PeeringState(NewPeeringId));
        Assert.True(context.Timer.WasCancelled);
        Assert.Equal(PeeringSteps.Completed, context.Progress[^1].Step);
    }

    [Fact]
    public async Task Deadline_passing_withdraws_the_request_with_the_initiators_credentials_and_does_nothing_else()
    {
        var context = Demo.ContextFor(cloud);

        var run = context.StartPeering(Demo.AlphaToBeta());
        Assert.False(run.IsCompleted);
        context.DeadlinePasses();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PeeringStatus.Expired, outcome.Status);
        Assert.Equal(NewPeeringId, outcome.PeeringConnectionId);
        Assert.Equal([$"withdrew pending request {NewPeeringId}"], outcome.Undone);
        Assert.Equal([nameof(DeletePeeringActivity), nameof(RecordPeeringActivity), nameof(NotifyOutcomeActivity)], context.CallsAfterFirst(nameof(NotifyReceiverActivity)).Select(c => c.Name));
        Assert.Equal(new PeeringTarget(Alpha, Guangzhou, NewPeeringId), Assert.Single(context.InputsOf<PeeringTarget>(nameof(DeletePeeringActivity))));
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
        Assert.True(context.Timer.Fired);
        Assert.Equal("No decision before the deadline.", context.Progress[^1].Message);
    }

    [Theory]
    [InlineData("REJECTED", PeeringStatus.Rejected)]
    [InlineData("EXPIRED", PeeringStatus.Expired)]
    [InlineData("DELETED", PeeringStatus.PeerDeleted)]
    public async Task A_final_state_seen_by_the_poller_ends_the_peering_without_any_write(string observed, string expectedStatus)
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Observed(observed));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(expectedStatus, outcome.Status);
        Assert.Equal(NewPeeringId, outcome.PeeringConnectionId);
        Assert.Empty(outcome.Undone);
        Assert.Equal([nameof(CreatePeeringActivity)], Demo.WritesIn(context));
        Assert.Equal([nameof(NotifyReceiverActivity), nameof(RecordPeeringActivity), nameof(NotifyOutcomeActivity)], context.Names.TakeLast(3));
    }

    [Fact]
    public async Task ACTIVE_seen_by_the_poller_skips_the_accept_call_and_configures_the_routes()
    {
        var context = Demo.ContextFor(cloud)
            // the receiver accepted in the Tencent console; the poller saw ACTIVE
            .OnActivity<NotifyReceiverInput, bool>(nameof(NotifyReceiverActivity), notice =>
            {
                cloud.SetPeeringState(notice.PeeringConnectionId, "ACTIVE");
                return true;
            })
            .Decide(Demo.Observed("ACTIVE"));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.DoesNotContain(nameof(AcceptPeeringActivity), context.Names);
        Assert.Equal(2, context.InputsOf<CreateRoutesInput>(nameof(CreateRoutesActivity)).Count());
        Assert.Contains(PeeringSteps.Accepting, context.Steps);
    }

    [Fact]
    public async Task Stale_decisions_for_another_peering_and_repeated_decision_ids_are_ignored()
    {
        var context = Demo.ContextFor(cloud).Decide(
            Demo.Accept("d-1", peeringConnectionId: "pcx-0ld00001"), // about an earlier peering of this pair
            Demo.Accept("d-1"),                                      // the same event delivered again
            Demo.Reject("d-2", peeringConnectionId: NewPeeringId));  // the first distinct decision about this peering

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Rejected, outcome.Status);
        Assert.Equal(3, context.WaitedEvents.Count);
        Assert.DoesNotContain(nameof(AcceptPeeringActivity), context.Names);
        Assert.Single(context.InputsOf<PeeringTarget>(nameof(RejectPeeringActivity)));
    }

    [Fact]
    public async Task A_stale_rejection_does_not_stop_a_later_acceptance()
    {
        var context = Demo.ContextFor(cloud).Decide(
            Demo.Reject("d-7", peeringConnectionId: "pcx-0ld00001"),
            Demo.Accept("d-8"));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.DoesNotContain(nameof(RejectPeeringActivity), context.Names);
        Assert.Equal(2, context.WaitedEvents.Count);
    }

    [Fact]
    public async Task When_only_ignored_decisions_arrive_the_deadline_decides()
    {
        var context = Demo.ContextFor(cloud).Decide(
            Demo.Accept("d-1", peeringConnectionId: "pcx-0ld00001"),
            Demo.Accept("d-1", peeringConnectionId: "pcx-0ld00001"));

        var run = context.StartPeering(Demo.AlphaToBeta());
        Assert.False(run.IsCompleted);
        Assert.Equal(3, context.WaitedEvents.Count);
        context.DeadlinePasses();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PeeringStatus.Expired, outcome.Status);
        Assert.DoesNotContain(nameof(AcceptPeeringActivity), context.Names);
        Assert.Single(context.InputsOf<PeeringTarget>(nameof(DeletePeeringActivity)));
    }

    [Fact]
    public async Task An_endless_redelivery_of_one_event_stops_being_read_after_a_hundred_and_the_deadline_decides()
    {
        var context = Demo.ContextFor(cloud).RepeatForever(Demo.Accept("d-stale", peeringConnectionId: "pcx-0ld00001"));

        var run = context.StartPeering(Demo.AlphaToBeta());
        Assert.False(run.IsCompleted);
        Assert.Equal(100, context.WaitedEvents.Count);
        context.DeadlinePasses();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PeeringStatus.Expired, outcome.Status);
        Assert.Equal(100, context.WaitedEvents.Count);
    }

    [Fact]
    public async Task A_peering_that_is_active_at_once_skips_notify_wait_and_accept()
    {
        // Same account (beta's Guangzhou VPC to beta's Shanghai VPC): Tencent makes the peering ACTIVE immediately.
        var request = new PeeringRequest(
            "beta-gz-sh",
            new PeeringSide(Guangzhou, BetaGzVpc, Account: Beta),
            Demo.BetaSide(),
            CrossRegion: new CrossRegionOptions(10));
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunPeeringAsync(request);

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal("ACTIVE", cloud.PeeringState(NewPeeringId));
        Assert.DoesNotContain(nameof(NotifyReceiverActivity), context.Names);
        Assert.DoesNotContain(nameof(AcceptPeeringActivity), context.Names);
        Assert.Empty(context.WaitedEvents);
        Assert.Empty(context.Timers);
        Assert.Equal(
            [PeeringSteps.Preflight, PeeringSteps.Requesting, PeeringSteps.Configuring, PeeringSteps.Verifying, PeeringSteps.Completed],
            context.Steps);
        // no route table named: the VPC's main table is used
        Assert.Equal(
            [(BetaGzMainTable, BetaCidr), (BetaPcxTable, BetaGzCidr)],
            context.InputsOf<CreateRoutesInput>(nameof(CreateRoutesActivity)).Select(r => (r.RouteTableId, Assert.Single(r.Destinations))));
    }

    [Theory]
    [InlineData("PENDING")]
    [InlineData("ACTIVE")]
    public async Task A_live_peering_of_the_same_pair_is_reused_instead_of_requesting_another(string state)
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, state);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept(peeringConnectionId: existing));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(existing, outcome.PeeringConnectionId);
        Assert.DoesNotContain(nameof(CreatePeeringActivity), context.Names);
        Assert.All(context.InputsOf<CreateRoutesInput>(nameof(CreateRoutesActivity)), r => Assert.Equal(existing, r.PeeringConnectionId));
        Assert.Equal(existing, context.Progress.First(p => p.Step == PeeringSteps.Requesting).PeeringConnectionId);
        Assert.Equal(state == "PENDING" ? 1 : 0, context.InputsOf<PeeringTarget>(nameof(AcceptPeeringActivity)).Count());
        // Pending or already ACTIVE, the receiver is asked before anything is written on its side.
        Assert.Single(context.Timers);
        Assert.Single(context.InputsOf<NotifyReceiverInput>(nameof(NotifyReceiverActivity)));
        Assert.Equal(state == "ACTIVE", context.Progress.First(p => p.Step == PeeringSteps.WaitingForAcceptance).ActiveBeforeConsent);
    }

    [Fact]
    public async Task A_run_started_before_version_2_uses_an_active_peering_of_the_pair_without_waiting_as_it_did_then()
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        var context = Demo.ContextFor(cloud);
        context.Version = "";

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(existing, outcome.PeeringConnectionId);
        Assert.Empty(context.Timers);
        Assert.DoesNotContain(nameof(NotifyReceiverActivity), context.Names);
    }

    [Fact]
    public async Task A_refused_consent_to_use_an_active_peering_writes_nothing_and_leaves_the_peering_as_it_was()
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        var context = Demo.ContextFor(cloud).Decide(Demo.Reject(peeringConnectionId: existing));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Rejected, outcome.Status);
        Assert.Empty(outcome.Undone);
        Assert.Equal("ACTIVE", cloud.PeeringState(existing));
        Assert.DoesNotContain(context.Names, name => name is nameof(RejectPeeringActivity) or nameof(DeletePeeringActivity)
            or nameof(CreateRoutesActivity) or nameof(AssociateSubnetActivity));
    }

    [Fact]
    public async Task Tencents_active_state_is_not_taken_as_consent_to_use_a_peering_that_was_active_before_the_receiver_was_asked()
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        var context = Demo.ContextFor(cloud)
            .Decide(new AcceptanceDecision("poller:pcx-11ve0001:ACTIVE", true, DecisionSources.Poller, "Tencent", existing, "ACTIVE"))
            .DeadlinePasses();

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Expired, outcome.Status);
        Assert.Contains("left as it was", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", cloud.PeeringState(existing));
        Assert.DoesNotContain(context.Names, name => name is nameof(DeletePeeringActivity) or nameof(CreateRoutesActivity));
    }

    [Theory]
    [InlineData("REJECTED")]
    [InlineData("EXPIRED")]
    [InlineData("DELETED")]
    public async Task A_dead_peering_of_the_same_pair_is_not_reused(string state)
    {
        cloud.AddPeering("pcx-dead0001", Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, state);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(NewPeeringId, outcome.PeeringConnectionId);
        Assert.Single(context.InputsOf<CreatePeeringInput>(nameof(CreatePeeringActivity)));
    }

    [Fact]
    public async Task A_reversed_pending_request_of_the_pair_ends_active()
    {
        const string existing = "pcx-rev00001";
        cloud.AddPeering(existing, Beta, Shanghai, BetaVpc, Alpha, Guangzhou, AlphaVpc, "PENDING");
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept(peeringConnectionId: existing));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(existing, outcome.PeeringConnectionId);
        Assert.Equal("ACTIVE", cloud.PeeringState(existing));
    }
}
