using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings.Telemetry;

namespace PeeringFunctions.Peerings.Purging;

/// <summary>
/// One purge tick: the Durable history of instances that finished (Completed, Failed, Terminated) more than the
/// retention ago is purged, at most a batch per tick, each only when <see cref="PurgeReadiness"/> says its registry
/// record is complete. The registry (and what people see of the peering) stays; only the history goes.
/// </summary>
public sealed class HistoryPurger(
    PurgeReadiness readiness,
    IOptions<PurgeOptions> options,
    TimeProvider time,
    ILogger<HistoryPurger> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>How many skipped ids one log line names; the report keeps them all.</summary>
    private const int SkippedNamedInLog = 10;

    public async Task<PurgeReport> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = options.Value;
        var cutoff = time.GetUtcNow() - settings.Retention;

        // Chosen first, purged after: deleting while paging could move the backend's continuation under the query.
        var due = new List<string>();
        var skipped = new List<string>();
        var moreDue = false;
        // Created before the cutoff is necessary for ended before it; backends filter on creation time only.
        var query = new OrchestrationQuery { CreatedTo = cutoff, Statuses = Finished, PageSize = 100, FetchInputsAndOutputs = false };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (!Finished.Contains(instance.RuntimeStatus) || instance.LastUpdatedAt >= cutoff || instance.CreatedAt >= cutoff)
            {
                continue; // ended within the retention (or a backend that ignored the filter)
            }

            if (due.Count == settings.BatchSize)
            {
                moreDue = true;
                break;
            }

            if (await readiness.WhyNotAsync(instance.InstanceId, instance.CreatedAt, cancellationToken) is { } reason)
            {
                skipped.Add($"{instance.InstanceId}: {reason}");
                continue;
            }

            due.Add(instance.InstanceId);
        }

        var purged = new List<string>();
        foreach (var id in due)
        {
            var result = await client.PurgeInstanceAsync(id, options: null, cancellationToken);
            if (result.PurgedInstanceCount > 0)
            {
                purged.Add(id);
            }
        }

        if (skipped.Count > 0)
        {
            logger.LogWarning(OperationsEvents.PurgeSkipped,
                "Purge kept {Count} finished instances past the retention, their registry records not complete: {Skipped}",
                skipped.Count, string.Join("; ", skipped.Take(SkippedNamedInLog)));
        }

        logger.LogInformation(OperationsEvents.HistoryPurged,
            "Purge: {Purged} instances that ended before {Cutoff:O} purged, {Skipped} kept, more due: {MoreDue}",
            purged.Count, cutoff, skipped.Count, moreDue);
        return new PurgeReport(cutoff, purged, skipped, moreDue);
    }
}
