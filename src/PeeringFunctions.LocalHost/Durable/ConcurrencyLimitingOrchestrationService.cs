using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.DurableTask.Testing.Sidecar;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// Forwards every call to an <see cref="InMemoryOrchestrationService"/>, and holds the number of orchestration and
/// activity work items in flight to the given limits itself: a fetch waits for a free slot, and a slot is freed the
/// moment its work item is completed, abandoned or released.
/// </summary>
/// <remarks>
/// The sidecar's dispatchers take their in-flight limit from MaxConcurrentTaskOrchestrationWorkItems /
/// MaxConcurrentTaskActivityWorkItems (the in-memory backend hard-wires the processor count) and, once the limit is
/// reached, sleep 500 ms before looking again. With many short work items that sleep sets the pace: 256 slots
/// emptied in a few milliseconds, then half a second idle, so 1,000 peerings took 29 s at 17 % CPU. Here the
/// dispatchers are told there is no limit, and the limit is a semaphore the fetch awaits instead.
/// The query and purge interfaces are forwarded too: the sidecar casts its client to them for list and purge calls.
/// </remarks>
public sealed class ConcurrencyLimitingOrchestrationService(
    InMemoryOrchestrationService inner,
    int maxConcurrentOrchestrations,
    int maxConcurrentActivities)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient, IDisposable
{
    private static readonly OrchestrationStatus[] LiveStatuses =
        [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended];

    private readonly SemaphoreSlim orchestrationSlots = new(Math.Max(1, maxConcurrentOrchestrations));
    private readonly SemaphoreSlim activitySlots = new(Math.Max(1, maxConcurrentActivities));

    // The work items holding a slot, so that each gives its slot back exactly once however it ends.
    private readonly ConcurrentDictionary<object, SemaphoreSlim> holders = new(ReferenceEqualityComparer.Instance);

    private long orchestrationWorkItems;
    private long activityWorkItems;

    // What the dispatchers see: never reached, so they never fall back to their 500 ms re-poll.
    public int MaxConcurrentTaskOrchestrationWorkItems => int.MaxValue;

    public int MaxConcurrentTaskActivityWorkItems => int.MaxValue;

    /// <summary>Work items dispatched since start: orchestration episodes (each a replay of the history) and activities.</summary>
    public DurableWorkItemCounts Dispatched => new(Interlocked.Read(ref orchestrationWorkItems), Interlocked.Read(ref activityWorkItems));

    // IOrchestrationService: everything else is the backend's own.
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        LockWithSlotAsync(orchestrationSlots, () => inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken), cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    // The dispatcher releases every orchestration work item it fetched, after completing or abandoning it.
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        GiveBackSlot(workItem);
        return inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        LockWithSlotAsync(activitySlots, () => inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken), cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    // An activity work item ends completed or abandoned (the dispatcher has no release for activities).
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        GiveBackSlot(workItem);
        return inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        GiveBackSlot(workItem);
        return inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    // IOrchestrationServiceClient
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        CreateTaskOrchestrationAsync(creationMessage, LiveStatuses);

    /// <summary>
    /// The in-memory backend "replaces" a live instance by queueing a second ExecutionStartedEvent beside the first; the
    /// instance can then never load ("Multiple ExecutionStartedEvent") and its work item is abandoned and retried in a
    /// tight loop for as long as the process lives. A live instance is therefore never replaced here, whatever statuses
    /// the caller allows to be replaced; the backend's own lock makes check-and-create atomic.
    /// </summary>
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses) =>
        inner.CreateTaskOrchestrationAsync(creationMessage, [.. (dedupeStatuses ?? []).Union(LiveStatuses)]);

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        inner.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        inner.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    // IOrchestrationServiceQueryClient: GET /api/peerings lists instances through it.
    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        inner.GetOrchestrationWithQueryAsync(query, cancellationToken);

    // IOrchestrationServicePurgeClient
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => inner.PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => inner.PurgeInstanceStateAsync(purgeInstanceFilter);

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
