using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// Forwards every call to an <see cref="InMemoryOrchestrationService"/>, and holds the number of orchestration and
/// activity work items in flight to the given limits itself: a fetch waits for a free slot, and a slot is freed the
/// moment its work item is completed, abandoned or released. An activity's result is handed over together with those
/// of its running siblings (<see cref="SiblingCompletionBatcher"/>, at most <c>siblingWindow</c> later).
/// </summary>
/// <remarks>
/// The sidecar's dispatchers take their in-flight limit from MaxConcurrentTaskOrchestrationWorkItems /
/// MaxConcurrentTaskActivityWorkItems (the in-memory backend hard-wires the processor count) and, once the limit is
/// reached, sleep 500 ms before looking again. With many short work items that sleep sets the pace: 256 slots
/// emptied in a few milliseconds, then half a second idle, so 1,000 peerings took 29 s at 17 % CPU. Here the
/// dispatchers are told there is no limit, and the limit is a semaphore the fetch awaits instead.
/// </remarks>
public sealed class ConcurrencyLimitingOrchestrationService(
    InMemoryOrchestrationService inner,
    int maxConcurrentOrchestrations,
    int maxConcurrentActivities,
    TimeSpan siblingWindow = default)
    : ForwardingOrchestrationService<InMemoryOrchestrationService>(inner), IDisposable
{
    private static readonly OrchestrationStatus[] LiveStatuses =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended];

    private readonly SemaphoreSlim orchestrationSlots = new(Math.Max(1, maxConcurrentOrchestrations));
    private readonly SemaphoreSlim activitySlots = new(Math.Max(1, maxConcurrentActivities));

    // The work items holding a slot, so that each gives its slot back exactly once however it ends.
    private readonly ConcurrentDictionary<object, SemaphoreSlim> holders = new(ReferenceEqualityComparer.Instance);

    private readonly SiblingCompletionBatcher siblings = new(siblingWindow, inner.CompleteTaskActivityWorkItemAsync);

    private HistoryTap? tap;

    private long orchestrationWorkItems;
    private long activityWorkItems;

    // What the dispatchers see: never reached, so they never fall back to their 500 ms re-poll.
    public override int MaxConcurrentTaskOrchestrationWorkItems => int.MaxValue;

    public override int MaxConcurrentTaskActivityWorkItems => int.MaxValue;

    /// <summary>Work items dispatched since start: orchestration episodes (each a replay of the history) and activities.</summary>
    public DurableWorkItemCounts Dispatched => new(Interlocked.Read(ref orchestrationWorkItems), Interlocked.Read(ref activityWorkItems));

    /// <summary>
    /// The whole history, as saved, of the next orchestration that completes and whose instance id matches: the
    /// benchmark reads a real peering's shape from it (the in-memory backend keeps no history to read back).
    /// </summary>
    public Task<IReadOnlyList<HistoryEvent>> NextCompletedHistoryAsync(Func<string, bool> matches)
    {
        var next = new HistoryTap(matches);
        Interlocked.Exchange(ref tap, next)?.Result.TrySetCanceled();
        return next.Result.Task;
    }

    public override Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        if (Volatile.Read(ref tap) is { } waiting
            && newOrchestrationRuntimeState.OrchestrationStatus == OrchestrationStatus.Completed
            && waiting.Matches(workItem.InstanceId)
            && Interlocked.CompareExchange(ref tap, null, waiting) == waiting)
        {
            waiting.Result.TrySetResult([.. newOrchestrationRuntimeState.Events]);
        }

        return base.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    public override Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        LockWithSlotAsync(orchestrationSlots, () => Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken), cancellationToken);

    // The dispatcher releases every orchestration work item it fetched, after completing or abandoning it.
    public override Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        GiveBackSlot(workItem);
        return Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await LockWithSlotAsync(activitySlots, () => Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken), cancellationToken);
        if (workItem is not null)
        {
            siblings.Started(workItem);
        }

        return workItem!;
    }

    // An activity work item ends completed or abandoned (the dispatcher has no release for activities).
    public override Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        GiveBackSlot(workItem);
        return siblings.CompletedAsync(workItem, responseMessage);
    }

    public override async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        GiveBackSlot(workItem);
        await siblings.AbandonedAsync(workItem);
        await Inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public override Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        CreateTaskOrchestrationAsync(creationMessage, LiveStatuses);

    /// <summary>
    /// The in-memory backend "replaces" a live instance by queueing a second ExecutionStartedEvent beside the first; the
    /// instance can then never load ("Multiple ExecutionStartedEvent") and its work item is abandoned and retried in a
    /// tight loop for as long as the process lives. A live instance is therefore never replaced here, whatever statuses
    /// the caller allows to be replaced; the backend's own lock makes check-and-create atomic.
    /// </summary>
    public override Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses) =>
        Inner.CreateTaskOrchestrationAsync(creationMessage, [.. (dedupeStatuses ?? []).Union(LiveStatuses)]);

    public void Dispose()
    {
        orchestrationSlots.Dispose();
        activitySlots.Dispose();
    }

    /// <summary>Takes a slot, then a work item; gives the slot back at once when there is no work item after all.</summary>
    private async Task<T> LockWithSlotAsync<T>(SemaphoreSlim slots, Func<Task<T>> lockNext, CancellationToken cancellationToken)
        where T : class
    {
        await slots.WaitAsync(cancellationToken);
        T? workItem = null;
        try
        {
            workItem = await lockNext();
            return workItem;
        }
        finally
        {
            if (workItem is null)
            {
                slots.Release();
            }
            else
            {
                Interlocked.Increment(ref ReferenceEquals(slots, orchestrationSlots) ? ref orchestrationWorkItems : ref activityWorkItems);
                holders[workItem] = slots;
            }
        }
    }

    private void GiveBackSlot(object workItem)
    {
        if (holders.TryRemove(workItem, out var slots))
        {
            slots.Release();
        }
    }
}

/// <summary>How many work items the engine has dispatched: orchestration episodes and activity executions.</summary>
public sealed record DurableWorkItemCounts(long OrchestrationEpisodes, long Activities)
{
    public static DurableWorkItemCounts operator -(DurableWorkItemCounts after, DurableWorkItemCounts before) =>
        new(after.OrchestrationEpisodes - before.OrchestrationEpisodes, after.Activities - before.Activities);
}

internal sealed class HistoryTap(Func<string, bool> matches)
{
    public Func<string, bool> Matches { get; } = matches;

    public TaskCompletionSource<IReadOnlyList<HistoryEvent>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
