using DurableTask.Core.History;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Status;

/// <summary>
/// When each step began and ended. The progress custom status says what step a peering is in, not since when, so
/// the times come from the orchestration's history (by the activities it scheduled) where the Durable backend
/// streams it, else from <see cref="StepClock"/>'s observations.
/// </summary>
public sealed class StepTimes
{
    public static readonly StepTimes None = new();

    private readonly Dictionary<string, DateTimeOffset> started = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> ended = new(StringComparer.Ordinal);

    /// <summary>The activity whose failure was recorded last (which of routes or associations failed).</summary>
    public string? FailedActivity { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? Started(string step) => started.TryGetValue(step, out var at) ? at : null;

    public DateTimeOffset? Ended(string step) => ended.TryGetValue(step, out var at) ? at : null;

    /// <summary>The time the progress line shows: the end of a finished step, the start of the current one.</summary>
    public DateTimeOffset? At(string step, StepStatus status) => status switch
    {
        StepStatus.Current => Started(step),
        StepStatus.Done or StepStatus.Failed or StepStatus.Undone => Ended(step) ?? Started(step),
        _ => null,
    };

    public static StepTimes FromHistory(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var times = new StepTimes();
        var names = new Dictionary<int, string>();
        var compensating = false;
        foreach (var e in history)
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc));
            switch (e)
            {
                case ExecutionStartedEvent:
                    times.Start(StepLine.Preflight, at);
                    break;
                case TaskScheduledEvent scheduled when scheduled.Name is { } name:
                    names[scheduled.EventId] = name;
                    times.OnScheduled(name, at, ref compensating);
                    break;
                case TaskCompletedEvent completed when names.TryGetValue(completed.TaskScheduledId, out var name):
                    times.OnCompleted(name, at, compensating);
                    break;
                case TaskFailedEvent failed when names.TryGetValue(failed.TaskScheduledId, out var name):
                    times.FailedActivity = name;
                    times.OnFailed(name, at);
                    break;
                case EventRaisedEvent raised when raised.Name == EventNames.Decision:
                    times.DecidedAt ??= at;
                    break;
                case ExecutionCompletedEvent:
                    times.OnCompleted(at);
                    break;
            }
        }

        return times;
    }

    private void OnScheduled(string activity, DateTimeOffset at, ref bool compensating)
    {
        switch (activity)
        {
            case nameof(CreatePeeringActivity) when !compensating:
                End(StepLine.Preflight, at);
                Start(StepLine.Request, at);
                break;
            case nameof(NotifyReceiverActivity):
                End(StepLine.Preflight, at);
                Start(StepLine.Request, at);
                End(StepLine.Request, at);
                Start(StepLine.Acceptance, at);
                break;
            case nameof(AcceptPeeringActivity):
                End(StepLine.Preflight, at);
                End(StepLine.Request, at);
                Start(StepLine.Acceptance, at);
                break;
            case nameof(CreateRoutesActivity):
                EndEarlierSteps(at);
                Start(StepLine.Routes, at);
                break;
            case nameof(AssociateSubnetActivity) when !compensating:
                EndEarlierSteps(at);
                Start(StepLine.Associations, at);
                break;
            case nameof(DescribePeeringsActivity) when started.ContainsKey(StepLine.Acceptance) && !started.ContainsKey(StepLine.Verification):
                // The verification's read of the peering (pre-flight's read comes before the acceptance).
                EndEarlierSteps(at);
                End(StepLine.Routes, at);
                End(StepLine.Associations, at);
                Start(StepLine.Verification, at);
                break;
            case nameof(DeleteRoutesActivity) or nameof(DeletePeeringActivity) or nameof(RejectPeeringActivity):
                compensating = true;
                break;
        }
    }

    private void OnCompleted(string activity, DateTimeOffset at, bool compensating)
    {
        if (compensating)
        {
            return;
        }

        switch (activity)
        {
            case nameof(CreatePeeringActivity):
                ended[StepLine.Request] = at;
                break;
            case nameof(AcceptPeeringActivity):
                ended[StepLine.Acceptance] = at;
                break;
            case nameof(CreateRoutesActivity) when !started.ContainsKey(StepLine.Verification):
                ended[StepLine.Routes] = at;
                break;
            case nameof(AssociateSubnetActivity) when !started.ContainsKey(StepLine.Verification):
                ended[StepLine.Associations] = at;
                break;
        }
    }

    private void OnFailed(string activity, DateTimeOffset at)
    {
        var step = StepLine.StepOfActivity(activity);
        if (step is not null)
        {
            ended[step] = at;
        }
    }

    private void OnCompleted(DateTimeOffset at)
    {
        foreach (var (key, _) in StepLine.Steps)
        {
            if (started.ContainsKey(key) && !ended.ContainsKey(key))
            {
                ended[key] = at;
            }
        }

        // A refusal or a decline ends the step it was in; a pre-flight refusal never left pre-flight.
        End(StepLine.Preflight, at);
    }

    /// <summary>Configuration began: the steps before it are over (the acceptance ended with the decision when no accept call was needed).</summary>
    private void EndEarlierSteps(DateTimeOffset at)
    {
        End(StepLine.Preflight, at);
        End(StepLine.Request, at);
        if (started.ContainsKey(StepLine.Acceptance))
        {
            End(StepLine.Acceptance, DecidedAt is { } decided && !ended.ContainsKey(StepLine.Acceptance) && decided < at ? decided : at);
        }
    }

    /// <summary>True when no step has a time (an empty history).</summary>
    public bool IsEmpty => started.Count == 0 && ended.Count == 0;

    internal void Start(string step, DateTimeOffset at) => started.TryAdd(step, at);

    internal void End(string step, DateTimeOffset at)
    {
        started.TryAdd(step, at);
        ended.TryAdd(step, at);
    }
}
