using DurableTask.Core;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// Holds back an activity's result while other activities of the same orchestration instance are still running, and
/// hands the results over together when the last of them ends — or when the first held one has waited
/// <c>window</c>, whichever comes first. The instance then wakes once for a fan-out's results instead of once per
/// result.
/// </summary>
/// <remarks>
/// The in-memory backend puts each result in the instance's queue the moment it arrives, so a fan-out of seven reads
/// finishing a millisecond apart costs seven episodes, each replaying the whole history to find it still waits for
/// the rest. Azure Storage batches what it dequeues together; this is the in-memory backend's equivalent. Only
/// activities already running are waited for (not ones still queued), and never longer than the window, so an
/// orchestration racing an activity against another task is delayed by at most the window.
/// </remarks>
internal sealed class SiblingCompletionBatcher(TimeSpan window, Func<TaskActivityWorkItem, TaskMessage, Task> deliver)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Siblings> byInstance = new(StringComparer.Ordinal);

    /// <summary>An activity of the instance was handed to the worker.</summary>
    public void Started(TaskActivityWorkItem workItem)
    {
        lock (gate)
        {
            var instanceId = InstanceOf(workItem);
            if (!byInstance.TryGetValue(instanceId, out var siblings))
            {
                byInstance[instanceId] = siblings = new Siblings();
            }

            siblings.Running++;
        }
    }

    /// <summary>An activity ended with <paramref name="result"/>: held while siblings run, else delivered with those held.</summary>
    public Task CompletedAsync(TaskActivityWorkItem workItem, TaskMessage result)
    {
        List<(TaskActivityWorkItem, TaskMessage)>? ready;
        Siblings? startTimer = null;
        lock (gate)
        {
            var instanceId = InstanceOf(workItem);
            var siblings = Ended(instanceId);
            if (siblings is { Running: > 0 } && window > TimeSpan.Zero)
            {
                (siblings.Held ??= []).Add((workItem, result));
                if (siblings.Held.Count == 1)
                {
                    startTimer = siblings;
                }

                ready = null;
            }
            else
            {
                ready = TakeHeld(instanceId, siblings) ?? [];
                ready.Add((workItem, result));
            }
        }

        if (startTimer is not null)
        {
            _ = DeliverAfterWindowAsync(InstanceOf(workItem), startTimer);
        }

        return ready is null ? Task.CompletedTask : DeliverAsync(ready);
    }

    /// <summary>An activity was abandoned (it will run again): the siblings held for it need not wait any longer.</summary>
    public Task AbandonedAsync(TaskActivityWorkItem workItem)
    {
        List<(TaskActivityWorkItem, TaskMessage)>? ready;
        lock (gate)
        {
            var instanceId = InstanceOf(workItem);
            var siblings = Ended(instanceId);
            ready = siblings is { Running: > 0 } ? null : TakeHeld(instanceId, siblings);
        }

        return ready is null ? Task.CompletedTask : DeliverAsync(ready);
    }

    private static string InstanceOf(TaskActivityWorkItem workItem) => workItem.TaskMessage.OrchestrationInstance.InstanceId;

    // Caller holds the gate.
    private Siblings? Ended(string instanceId)
    {
        if (!byInstance.TryGetValue(instanceId, out var siblings))
        {
            return null;
        }

        siblings.Running--;
        return siblings;
    }

    // Caller holds the gate. The entry goes once nothing runs or waits, so the map holds only live fan-outs.
    private List<(TaskActivityWorkItem, TaskMessage)>? TakeHeld(string instanceId, Siblings? siblings)
    {
        if (siblings is null)
        {
            return null;
        }

        var held = siblings.Held;
        siblings.Held = null;
        if (siblings.Running <= 0 && byInstance.TryGetValue(instanceId, out var current) && ReferenceEquals(current, siblings))
        {
            byInstance.Remove(instanceId);
        }

        return held;
    }

    private async Task DeliverAfterWindowAsync(string instanceId, Siblings siblings)
    {
        await Task.Delay(window).ConfigureAwait(false);
        List<(TaskActivityWorkItem, TaskMessage)>? ready;
        lock (gate)
        {
            ready = TakeHeld(instanceId, siblings);
        }

        if (ready is not null)
        {
            await DeliverAsync(ready).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(List<(TaskActivityWorkItem WorkItem, TaskMessage Result)> ready)
    {
        foreach (var (workItem, result) in ready)
        {
            await deliver(workItem, result).ConfigureAwait(false);
        }
    }

    private sealed class Siblings
    {
        public int Running { get; set; }

        public List<(TaskActivityWorkItem, TaskMessage)>? Held { get; set; }
    }
}
