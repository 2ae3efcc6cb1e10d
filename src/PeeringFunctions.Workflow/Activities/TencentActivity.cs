using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// Base of every activity that calls Tencent: turns the client's exception into the transient or permanent form
/// the orchestrator's retry policy understands. Subclasses make exactly one kind of Tencent write (plus the reads
/// that make it idempotent, since Tencent has no ClientToken for these actions). A write activity is given the audit
/// trail: it records each write that went through with Tencent's RequestId, and this base records each write Tencent refused.
/// </summary>
public abstract class TencentActivity<TInput, TOutput>(ITencentClientFactory clients, AuditWriter? audit = null) : TaskActivity<TInput, TOutput>
{
    protected ITencentClientFactory Clients { get; } = clients;

    /// <summary>The audit trail, for an activity that writes (null for the reads).</summary>
    protected AuditWriter? Audit { get; } = audit;

    public sealed override async Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await ExecuteAsync(context, input);
        }
        catch (TencentCloudSDKException error)
        {
            if (Audit is not null && error.Action is { } action && !action.StartsWith("Describe", StringComparison.Ordinal))
            {
                await Audit.TencentWriteFailedAsync(context, action, error.Code, error.RequestId);
            }

            // The client's classification is the only one: every activity here is read-check-write, so a retry
            // of a write whose outcome a transient failure left unknown reads it back first.
            throw TencentCallException.From(error, error.Action ?? GetType().Name, retryable: error.IsTransient);
        }
    }

    /// <summary>The activity's call; an activity that needs its context (e.g. the instance id) overrides the other overload instead.</summary>
    protected virtual Task<TOutput> ExecuteAsync(TInput input) =>
        throw new NotSupportedException($"{GetType().Name} overrides neither ExecuteAsync overload.");

    protected virtual Task<TOutput> ExecuteAsync(TaskActivityContext context, TInput input) => ExecuteAsync(input);

    /// <summary>Records a write that went through (no-op without an audit trail).</summary>
    protected Task AuditWriteAsync(TaskActivityContext context, string action, string account, string region, string? requestId, string summary) =>
        Audit?.TencentWriteAsync(context, action, account, region, requestId, summary) ?? Task.CompletedTask;
}
