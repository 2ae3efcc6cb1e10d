using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Registry.Audit;

namespace PeeringFunctions.Workflow.Auditing;

/// <summary>
/// How activities and use cases append to the audit trail. An append that fails is tried again a few times; if it still fails, the
/// entry is logged whole at Error level (identifiers only, so the log may hold it) and the step goes on: the Tencent
/// write it describes is done, and failing the activity would only make the orchestration retry a write that a retry
/// finds done (and so never records) or compensate a peering that is fine.
/// </summary>
public sealed class AuditWriter(IAuditTrail trail, TimeProvider time, ILogger<AuditWriter> logger)
{
    /// <summary>Attempts per entry: the store's client retries each request as well.</summary>
    public const int Attempts = 3;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <summary>A Tencent write that went through: who (the account alias), what, and Tencent's RequestId, which keys the entry.</summary>
    public Task TencentWriteAsync(TaskActivityContext context, string action, string account, string region, string? requestId, string summary)
    {
        if (context?.InstanceId is not { Length: > 0 } instanceId)
        {
            return Task.CompletedTask; // run outside an orchestration (a unit test): no peering to file it under
        }

        return AppendAsync(new AuditEntry(
            AuditedInstances.PeeringOf(instanceId),
            time.GetUtcNow(),
            AuditKinds.TencentWrite,
            account,
            AuditChannels.Tencent,
            $"{action} in {region}: {summary}",
            requestId,
            requestId is { Length: > 0 } ? $"tencent:{requestId}" : $"tencent:{action}:{Guid.NewGuid():N}"));
    }

    /// <summary>A Tencent write Tencent refused, with its error code and RequestId (one entry per attempt: each is a call).</summary>
    public Task TencentWriteFailedAsync(TaskActivityContext? context, string action, string? code, string? requestId)
    {
        if (context?.InstanceId is not { Length: > 0 } instanceId)
        {
            return Task.CompletedTask;
        }

        return AppendAsync(new AuditEntry(
            AuditedInstances.PeeringOf(instanceId),
            time.GetUtcNow(),
            AuditKinds.TencentWriteFailed,
            "workflow",
            AuditChannels.Tencent,
            $"{action} failed{(code is null ? "" : $" with {code}")}",
            requestId,
            requestId is { Length: > 0 } ? $"tencent:{requestId}" : $"tencent-failed:{action}:{Guid.NewGuid():N}"));
    }

    /// <summary>Appends <paramref name="entry"/>; never throws for the store's sake (see the class remarks).</summary>
    public async Task AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await trail.AppendAsync(entry, CancellationToken.None);
                return;
            }
            catch (Exception error) when (error is not (OperationCanceledException or ArgumentException) && attempt < Attempts)
            {
                await Task.Delay(Pause * attempt, time);
            }
            catch (Exception error) when (error is not (OperationCanceledException or ArgumentException))
            {
                logger.LogError(
                    "Audit entry not stored after {Attempts} attempts ({Error}): {PeeringId} {At:o} {Kind} by {Actor} via {Channel}: {Summary} (RequestId {RequestId}, key {Key})",
                    Attempts, error.Message, entry.PeeringId, entry.At, entry.Kind, entry.Actor, entry.Channel, entry.Summary, entry.RequestId, entry.Key);
                return;
            }
        }
    }
}
