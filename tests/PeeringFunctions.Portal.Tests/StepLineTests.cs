using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.Portal.Status;
using PeeringFunctions.Portal.Tests.Support;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The six steps of the progress line, from the progress and outcome, and their times.</summary>
public sealed class StepLineTests
{
    private static readonly string[] Keys = ["preflight", "request", "acceptance", "routes", "associations", "verification"];

    private static StepStatus[] Statuses(PeeringProgress? progress, PeeringOutcome? outcome, bool running, StepTimes? times = null) =>
        StepLine.Build(progress, outcome, running, running ? "Running" : "Completed", times ?? StepTimes.None, receiverManaged: true)
            .Select(s => s.Status).ToArray();

    private static PeeringProgress At(string step) => new(step, "pcx-1", SideProgress.Waiting, SideProgress.Waiting);

    [Fact]
    public void The_line_has_the_six_steps_of_the_manual_procedure_in_order()
    {
        var line = StepLine.Build(At(PeeringSteps.Preflight), null, true, "Running", StepTimes.None, true);

        Assert.Equal(Keys, line.Select(s => s.Key));
        Assert.Equal(["Pre-flight", "Request", "Acceptance", "Routes", "Associations", "Verification"], line.Select(s => s.Label));
    }

    [Fact]
    public void While_waiting_for_the_receiver_the_acceptance_is_current_and_says_so()
    {
        var line = StepLine.Build(At(PeeringSteps.WaitingForAcceptance), null, true, "Running", StepTimes.None, true);

        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Current, StepStatus.Pending, StepStatus.Pending, StepStatus.Pending], line.Select(s => s.Status));
        Assert.Equal("waiting for the receiver", line[2].Note);
    }

    [Fact]
    public void Routes_and_associations_are_current_together_while_configuring()
    {
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Done, StepStatus.Current, StepStatus.Current, StepStatus.Pending],
            Statuses(At(PeeringSteps.Configuring), null, running: true));
    }

    [Fact]
    public void An_active_peering_has_every_step_done()
    {
        Assert.All(Statuses(At(PeeringSteps.Completed), PeeringInstances.Outcome(PeeringStatus.Active), running: false), s => Assert.Equal(StepStatus.Done, s));
    }

    [Fact]
    public void A_rejected_peering_fails_at_the_acceptance_and_reaches_nothing_after_it()
    {
        var line = StepLine.Build(At(PeeringSteps.Completed), PeeringInstances.Outcome(PeeringStatus.Rejected), false, "Completed", StepTimes.None, true);

        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Failed, StepStatus.Pending, StepStatus.Pending, StepStatus.Pending], line.Select(s => s.Status));
        Assert.Equal("rejected", line[2].Note);
    }

    [Fact]
    public void A_preflight_refusal_fails_the_first_step_only()
    {
        Assert.Equal([StepStatus.Failed, StepStatus.Pending, StepStatus.Pending, StepStatus.Pending, StepStatus.Pending, StepStatus.Pending],
            Statuses(At(PeeringSteps.Completed), PeeringInstances.Outcome(PeeringStatus.PreflightFailed, PeeringSteps.Preflight), running: false));
    }

    [Fact]
    public void A_failure_while_configuring_shows_which_part_failed_and_what_was_undone()
    {
        var history = History(
            (new TaskScheduledEvent(1, "CreateRoutesActivity", null, null), 10),
            (new TaskScheduledEvent(2, "AssociateSubnetActivity", null, null), 10),
            (new TaskCompletedEvent(3, 1, null), 11),
            (new TaskFailedEvent(4, 2, "InvalidParameter", null), 12));
        var outcome = PeeringInstances.Outcome(PeeringStatus.Failed, PeeringSteps.Configuring, ["removed routes", "deleted peering"]);

        var statuses = Statuses(At(PeeringSteps.Completed), outcome, running: false, StepTimes.FromHistory(history));

        Assert.Equal([StepStatus.Done, StepStatus.Undone, StepStatus.Done, StepStatus.Undone, StepStatus.Failed, StepStatus.Pending], statuses);
    }

    [Fact]
    public void A_failure_at_verification_without_undo_keeps_the_earlier_steps_done()
    {
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Done, StepStatus.Done, StepStatus.Done, StepStatus.Failed],
            Statuses(At(PeeringSteps.Completed), PeeringInstances.Outcome(PeeringStatus.Failed, PeeringSteps.Verifying), running: false));
    }

    [Fact]
    public void While_compensating_the_failed_step_is_marked_and_nothing_is_current()
    {
        var history = History((new TaskScheduledEvent(1, "CreateRoutesActivity", null, null), 10), (new TaskFailedEvent(2, 1, "x", null), 11));

        var line = StepLine.Build(At(PeeringSteps.Compensating), null, true, "Running", StepTimes.FromHistory(history), true);

        Assert.Equal(StepStatus.Failed, line[3].Status);
        Assert.Equal("failed; undoing partial work", line[3].Note);
        Assert.DoesNotContain(line, s => s.Status == StepStatus.Current);
    }

    [Fact]
    public void An_orchestration_that_stopped_without_an_outcome_fails_the_step_it_was_in()
    {
        var line = StepLine.Build(At(PeeringSteps.Requesting), null, false, "Terminated", StepTimes.None, true);

        Assert.Equal(StepStatus.Failed, line[1].Status);
        Assert.Equal("terminated", line[1].Note);
    }

    [Fact]
    public void The_history_times_each_step_by_the_activities_it_scheduled()
    {
        var history = History(
            (new ExecutionStartedEvent(-1, null), 0),
            (new TaskScheduledEvent(1, "DescribeVpcActivity", null, null), 0),
            (new TaskScheduledEvent(2, "DescribePeeringsActivity", null, null), 0),
            (new TaskScheduledEvent(3, "CreatePeeringActivity", null, null), 2),
            (new TaskCompletedEvent(4, 3, null), 3),
            (new TaskScheduledEvent(5, "NotifyReceiverActivity", null, null), 3),
            (new EventRaisedEvent(6, null) { Name = EventNames.Decision }, 60),
            (new TaskScheduledEvent(7, "AcceptPeeringActivity", null, null), 60),
            (new TaskCompletedEvent(8, 7, null), 61),
            (new TaskScheduledEvent(9, "CreateRoutesActivity", null, null), 61),
            (new TaskScheduledEvent(10, "AssociateSubnetActivity", null, null), 61),
            (new TaskCompletedEvent(11, 9, null), 62),
            (new TaskCompletedEvent(12, 10, null), 63),
            (new TaskScheduledEvent(13, "DescribePeeringsActivity", null, null), 63),
            (new ExecutionCompletedEvent(14, null, OrchestrationStatus.Completed, null), 64));

        var times = StepTimes.FromHistory(history);

        Assert.Equal(T(0), times.Started("preflight"));
        Assert.Equal(T(2), times.Ended("preflight"));
        Assert.Equal(T(3), times.Ended("request"));
        Assert.Equal(T(3), times.Started("acceptance"));
        Assert.Equal(T(60), times.DecidedAt);
        Assert.Equal(T(61), times.Ended("acceptance"));
        Assert.Equal(T(62), times.Ended("routes"));
        Assert.Equal(T(63), times.Ended("associations"));
        Assert.Equal(T(63), times.Started("verification"));
        Assert.Equal(T(64), times.Ended("verification"));
        Assert.Equal(T(64), times.At("verification", StepStatus.Done));
        Assert.Equal(T(3), times.At("acceptance", StepStatus.Current));
        Assert.Null(times.At("routes", StepStatus.Pending));
    }

    [Fact]
    public void Without_history_the_clock_times_the_steps_the_pages_saw()
    {
        var time = new FakeTimeProvider(PeeringInstances.Created.AddMinutes(10));
        var clock = new StepClock(time);

        clock.Observe(PeeringInstances.Running(PeeringSteps.WaitingForAcceptance, PeeringInstances.Created.AddSeconds(3)));
        clock.Observe(PeeringInstances.Running(PeeringSteps.Configuring, PeeringInstances.Created.AddSeconds(70)));
        var finished = PeeringInstances.Completed(PeeringInstances.Outcome(PeeringStatus.Active), PeeringInstances.Created.AddSeconds(75));
        clock.Observe(finished);
        var times = clock.TimesOf(Status.PeeringSnapshot.From(finished));

        Assert.Equal(PeeringInstances.Created, times.Started("preflight"));
        Assert.Equal(PeeringInstances.Created.AddSeconds(3), times.Ended("preflight"));
        Assert.Equal(PeeringInstances.Created.AddSeconds(3), times.Ended("request")); // passed unseen: done by then
        Assert.Equal(PeeringInstances.Created.AddSeconds(3), times.Started("acceptance"));
        Assert.Equal(PeeringInstances.Created.AddSeconds(70), times.Ended("acceptance"));
        Assert.Equal(PeeringInstances.Created.AddSeconds(70), times.Started("routes"));
        Assert.Equal(PeeringInstances.Created.AddSeconds(70), times.Started("associations"));
        Assert.Equal(PeeringInstances.Created.AddSeconds(75), times.Ended("routes"));
        Assert.Equal(PeeringInstances.Created.AddSeconds(75), times.Ended("verification"));
    }

    [Fact]
    public void A_new_run_of_the_same_pair_starts_a_new_clock()
    {
        var clock = new StepClock(new FakeTimeProvider(PeeringInstances.Created.AddMinutes(10)));
        clock.Observe(PeeringInstances.Running(PeeringSteps.Configuring, PeeringInstances.Created.AddSeconds(70)));

        var rerun = PeeringInstances.Running(PeeringSteps.Preflight, PeeringInstances.Created.AddDays(1).AddSeconds(1), created: PeeringInstances.Created.AddDays(1));
        clock.Observe(rerun);

        Assert.Null(clock.TimesOf(Status.PeeringSnapshot.From(rerun)).Started("routes"));
    }

    private static DateTimeOffset T(int seconds) => PeeringInstances.Created.AddSeconds(seconds);

    private static List<HistoryEvent> History(params (HistoryEvent Event, int Seconds)[] events) =>
        events.Select(e =>
        {
            e.Event.Timestamp = PeeringInstances.Created.UtcDateTime.AddSeconds(e.Seconds);
            return e.Event;
        }).ToList();
}
