using Microsoft.DurableTask;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// Base of every activity that calls Tencent: turns the client's exception into the transient or permanent form
/// the orchestrator's retry policy understands. Subclasses make exactly one kind of Tencent write (plus the reads
/// that make it idempotent, since Tencent has no ClientToken for these actions).
/// </summary>
public abstract class TencentActivity<TInput, TOutput>(ITencentClientFactory clients) : TaskActivity<TInput, TOutput>
{
    protected ITencentClientFactory Clients { get; } = clients;

    public sealed override async Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await ExecuteAsync(context, input);
        }
        catch (TencentCloudSDKException error)
        {
            // The client's classification is the only one: every activity here is read-check-write, so a retry
            // of a write whose outcome a transient failure left unknown reads it back first.
            throw TencentCallException.From(error, error.Action ?? GetType().Name, retryable: error.IsTransient);
        }
    }

    /// <summary>The activity's call; an activity that needs its context (e.g. the instance id) overrides the other overload instead.</summary>
    protected virtual Task<TOutput> ExecuteAsync(TInput input) =>
        throw new NotSupportedException($"{GetType().Name} overrides neither ExecuteAsync overload.");

    protected virtual Task<TOutput> ExecuteAsync(TaskActivityContext context, TInput input) => ExecuteAsync(input);
}
