using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Stuck;

/// <summary>
/// One stuck check: every running instance of ours (peerings, teardowns, repairs, bandwidth changes) is compared with
/// its step's threshold. An instance past it is reported once — a log event (InstanceStuck), the <c>peerings.stuck</c>
/// metric, a notice to the initiator's channel — and its mark (<see cref="IStuckMarks"/>, outside Durable history)
/// remembers that, so later ticks and restarts do not repeat it; a new step starts a new mark. Reads Durable only.
/// </summary>
public sealed class StuckInstanceCheck(
    IStuckMarks marks,
    IPeeringRegistry registry,
    IPeeringNotifier notifier,
    IOptions<StuckCheckOptions> options,
    TimeProvider time,
    ILogger<StuckInstanceCheck> logger)
{
    /// <summary>A pending instance has no custom status yet: it is "starting".</summary>
    public const string StartingStep = PeeringVocabulary.Starting;

    private static readonly OrchestrationRuntimeStatus[] Running = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending];

    public async Task<StuckCheckReport> CheckAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var running = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        var query = new OrchestrationQuery { Statuses = Running, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.IsRunning && PeeringInstanceIds.PeeringOfAny(instance.InstanceId) is not null)
            {
                running[instance.InstanceId] = instance;
            }
        }

        var reported = new List<string>();
        var stillStuck = new List<string>();
        foreach (var instance in running.Values)
        {
            try
            {
                switch (await CheckOneAsync(instance, now, cancellationToken))
                {
                    case Verdict.Reported:
                        reported.Add($"{instance.InstanceId}: {StepOf(instance).Step}");
                        break;
                    case Verdict.ReportedBefore:
                        stillStuck.Add(instance.InstanceId);
                        break;
                }
            }
            catch (PeeringRegistryException error)
            {
                // One mark the store would not take must not keep the other instances from being checked.
                logger.LogWarning("Checking {InstanceId} for a stuck step failed: {Error}", instance.InstanceId, error.Message);
            }
        }

        var forgotten = await ForgetEndedAsync(running, cancellationToken);
        logger.LogInformation("Stuck check: {Running} running instances, {Reported} newly stuck, {StillStuck} still stuck, {Forgotten} marks forgotten",
            running.Count, reported.Count, stillStuck.Count, forgotten);
        return new StuckCheckReport(running.Count, reported, stillStuck, forgotten);
    }

    private async Task<Verdict> CheckOneAsync(OrchestrationMetadata instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (step, deadline) = StepOf(instance);
        var mark = await marks.GetAsync(instance.InstanceId, cancellationToken);
        if (mark is null || mark.Step != step || mark.RunCreatedAt != instance.CreatedAt)
        {
            // First seen in this step: its last update stands for the step's start (never earlier, at most a tick later).
            mark = new StuckMark(instance.InstanceId, instance.CreatedAt, step, instance.LastUpdatedAt < now ? instance.LastUpdatedAt : now);
            await marks.UpsertAsync(mark, cancellationToken);
        }

        if (mark.ReportedAt is not null)
        {
            return Verdict.ReportedBefore;
        }

        var settings = options.Value;
        var (dueAt, limit) = step == PeeringSteps.WaitingForAcceptance
            ? deadline is { } due
                ? (new DateTimeOffset(due, TimeSpan.Zero) + settings.AcceptanceGrace, $"{Words(settings.AcceptanceGrace)} past its acceptance deadline {due:u}")
                : ((DateTimeOffset?)null, "")
            : (mark.Since + settings.ThresholdOf(step), $"longer than {Words(settings.ThresholdOf(step))}");
        if (dueAt is null || now < dueAt)
        {
            return Verdict.NotStuck;
        }

        // Remembered first: a crash after this loses one notice rather than sending it on every tick after.
        await marks.UpsertAsync(mark with { ReportedAt = now }, cancellationToken);
        await ReportAsync(instance, mark, limit, cancellationToken);
        return Verdict.Reported;
    }

    private async Task ReportAsync(OrchestrationMetadata instance, StuckMark mark, string limit, CancellationToken cancellationToken)
    {
        var peeringId = PeeringInstanceIds.PeeringOfAny(instance.InstanceId)!;
        logger.LogWarning(OperationsEvents.InstanceStuck, "{InstanceId} is stuck in {Step} since {Since:O} ({Limit})",
            instance.InstanceId, mark.Step, mark.Since, limit);
        OperationsTelemetry.RecordStuck(mark.Step);
        try
        {
            var (name, initiator) = await PartiesAsync(instance, peeringId, cancellationToken);
            await notifier.NotifyStuckAsync(new StuckInstanceNotice(instance.InstanceId, peeringId, name, initiator, mark.Step, mark.Since, limit), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A notice is a courtesy: the log event, the metric and the mark stand either way.
            logger.LogWarning("Notifying that {InstanceId} is stuck failed: {Error}", instance.InstanceId, error.Message);
        }
    }

    /// <summary>The peering's name and initiator: from a peering's own request, else from its registry record.</summary>
    private async Task<(string Name, string? Initiator)> PartiesAsync(OrchestrationMetadata instance, string peeringId, CancellationToken cancellationToken)
    {
        if (instance.InstanceId == peeringId && instance.ReadInputAs<PeeringRequest>() is { } request)
        {
            return (request.Name, request.Initiator.Account);
        }

        var record = await registry.GetAsync(peeringId, cancellationToken);
        return (record?.Name ?? peeringId, record?.Initiator.Account);
    }

    /// <summary>Removes the marks of instances that are no longer running (ended, purged, or never ours).</summary>
    private async Task<int> ForgetEndedAsync(IReadOnlyDictionary<string, OrchestrationMetadata> running, CancellationToken cancellationToken)
    {
        var ended = new List<string>();
        await foreach (var mark in marks.ListAsync(cancellationToken))
        {
            if (!running.ContainsKey(mark.InstanceId))
            {
                ended.Add(mark.InstanceId);
            }
        }

        foreach (var id in ended)
        {
            await marks.DeleteAsync(id, cancellationToken);
        }

        return ended.Count;
    }

    /// <summary>The step word of any of our orchestrations' custom status (each has "Step"), and a peering's acceptance deadline.</summary>
    private static (string Step, DateTime? Deadline) StepOf(OrchestrationMetadata instance)
    {
        var status = instance.ReadCustomStatusAs<StepStatus>();
        return (status?.Step is { Length: > 0 } step ? step : StartingStep, status?.AcceptanceDeadline);
    }

    private static string Words(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0} minutes" : $"{span.TotalSeconds:0} seconds";

    private sealed record StepStatus(string? Step, DateTime? AcceptanceDeadline);

    private enum Verdict
    {
        NotStuck,
        Reported,
        ReportedBefore,
    }
}
