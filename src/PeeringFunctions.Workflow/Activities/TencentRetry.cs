using Microsoft.DurableTask;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// The durable retry policy for Tencent calls: what the client calls transient (throttling, busy or unavailable
/// resources, internal errors, a running mutex task, network failures; TencentErrorCodes.IsTransient) is retried with
/// exponential backoff on durable timers; anything permanent fails at once with Tencent's code and message.
/// </summary>
public static class TencentRetry
{
    // Ten attempts (about 2.5 minutes of backoff at most): with one call in five failing transiently, six attempts
    // still let roughly one peering in a hundred exhaust its retries; ten make that negligible.
    public static readonly TaskOptions Options = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = IsTransient,
    });

    /// <summary>Compared by type name: that is all Durable Task keeps of an activity's exception.</summary>
    public static bool IsTransient(TaskFailureDetails failure) =>
        failure.ErrorType == typeof(TransientTencentCallException).FullName
        || (failure.InnerFailure is { } inner && IsTransient(inner));
}
