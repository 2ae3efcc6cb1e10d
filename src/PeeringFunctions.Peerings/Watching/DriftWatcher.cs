using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Peerings.Repairs;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Batched;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>
/// One tick of the watcher: every watched peering of the registry compared with Tencent, read in batches per
/// (account, region) of the managed sides; findings become the record's health (a finding seen before is not new),
/// each new finding is told to both sides once, and a peering whose policy is "repair" gets a repair for the findings
/// a repair can fix. Read-only on Tencent: only a repair (its own orchestration) writes there.
/// </summary>
public sealed class DriftWatcher(
    IPeeringRegistry registry,
    BatchedGroupReader reader,
    IPeeringNotifier notifier,
    PeeringRepairs repairs,
    TimeProvider time,
    ILogger<DriftWatcher> logger)
{
    /// <summary>
    /// The findings a repair puts right (<see cref="RepairRequests.RepairedKinds"/>) or its cleanup answers (the peering
    /// gone); a redirected route or an added CIDR is a person's to decide.
    /// </summary>
    public static readonly IReadOnlySet<string> RepairableKinds =
        new HashSet<string>([.. RepairRequests.RepairedKinds, DriftKinds.PeeringGone], StringComparer.Ordinal);

    public async Task<DriftCheckReport> CheckAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var watched = new List<RegisteredPeering>();
        await foreach (var record in registry.ListAsync(cancellationToken))
        {
            if (record.IsWatched)
            {
                watched.Add(record);
            }
        }

        var stranded = await StrandedAsync(client, watched, cancellationToken);
        var plan = ReadPlan.For(watched);
        var results = await Task.WhenAll(plan.Groups.Select(group => ReadGroupAsync(group, cancellationToken)));
        var failed = results.Where(r => r.Error is not null).Select(r => r.Key).ToHashSet();
        var facts = WatchedFacts.Merge(results.Select(r => r.Facts).OfType<GroupFacts>());
        var now = time.GetUtcNow();

        var checkedCount = 0;
        var skipped = 0;
        var newFindings = new List<string>();
        var started = new List<string>();
        var refused = new List<string>();
        foreach (var record in watched)
        {
            if (ReadPlan.GroupsOf(record).Any(failed.Contains))
            {
                skipped++; // its facts are incomplete: it keeps its previous health until a tick can read them all
                continue;
            }

            checkedCount++;
            (RegisteredPeering Record, HealthUpdate Update)? outcome;
            try
            {
                outcome = await RecordAsync(record.Id, facts, now, stranded, cancellationToken);
            }
            catch (PeeringRegistryException error)
            {
                // One record the store would not take must not keep the others from being checked.
                logger.LogWarning("Recording the health of {Id} failed: {Error}", record.Id, error.Message);
                continue;
            }

            if (outcome is not { } written)
            {
                continue;
            }

            if (stranded.ContainsKey(record.Id) && written.Record.State != RegistryStates.Repairing)
            {
                logger.LogWarning("The repair of {Id} stopped without recording its result; the record was Repairing and is {State} again", record.Id, written.Record.State);
            }

            if (written.Update.New.Count > 0)
            {
                foreach (var finding in written.Update.New)
                {
                    PeeringTelemetry.DriftFound(finding.Kind);
                }

                newFindings.AddRange(written.Update.New.Select(f => $"{record.Id}: {f.Description}"));
                await NotifyAsync(written.Record, written.Update.New, cancellationToken);
            }

            if (IsRepairDue(written.Record))
            {
                var repair = await repairs.StartAsync(client, written.Record, cancellationToken);
                if (repair.RepairId is { } repairId)
                {
                    started.Add($"{record.Id}: {repairId}");
                }
                else
                {
                    refused.Add($"{record.Id}: {repair.Refusal}");
                }
            }
        }

        var calls = results.SelectMany(r => r.Calls)
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);
        var report = new DriftCheckReport(
            checkedCount, skipped, plan.Groups.Count, calls, newFindings, started, refused,
            [.. results.Select(r => r.Error).OfType<string>()], clock.Elapsed);
        logger.LogInformation(
            "Drift check: {Checked} peerings in {Groups} groups, {Calls} Tencent calls, {New} new findings, {Repairs} repairs started, {Errors} group errors, {Elapsed} ms",
            report.PeeringsChecked, report.Groups, report.TotalTencentCalls, report.NewFindings.Count, report.RepairsStarted.Count,
            report.GroupErrors.Count, (long)report.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>
    /// Under policy "repair", any repairable finding; under "notify" too, a peering the peer deleted: routes to it carry
    /// nothing, so its cleanup is due whatever the policy (PeeringRepairs.StartAsync, docs/tencent-behaviour.md §9).
    /// </summary>
    private static bool IsRepairDue(RegisteredPeering record)
    {
        var findings = record.Health?.Findings ?? [];
        return record.State is not (RegistryStates.Repairing or RegistryStates.TearingDown)
            && (record.RepairPolicy == RepairPolicies.Repair
                ? findings.Any(f => RepairableKinds.Contains(f.Kind))
                : findings.Any(f => f.Kind == DriftKinds.PeeringGone));
    }

    private async Task<GroupRead> ReadGroupAsync(ReadPlan.Group group, CancellationToken cancellationToken)
    {
        var calls = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var read = await reader.ReadAsync(group.Key.Account, group.Key.Region, group.PeeringConnectionIds, group.VpcIds, calls, cancellationToken);
            return new GroupRead(group.Key, read, null, calls);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // One account's trouble must not hide the other accounts' drift; its peerings keep their previous health.
            logger.LogWarning("Drift check of {Account}/{Region} failed; its {Count} peerings keep their previous health: {Error}",
                group.Key.Account, group.Key.Region, group.PeeringCount, error.Message);
            return new GroupRead(group.Key, null, $"{group.Key.Account}/{group.Key.Region}: {error.Message}", calls);
        }
    }

    /// <summary>
    /// The records left Repairing by a repair that is no longer running (it failed or was stopped before it could
    /// record its result), with the time they were marked: their state follows the findings again, so the watcher
    /// repairs them and the registry's teardown takes them. A record marked again since (a new repair) keeps its mark.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, DateTimeOffset>> StrandedAsync(
        DurableTaskClient client, IEnumerable<RegisteredPeering> watched, CancellationToken cancellationToken)
    {
        var stranded = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var record in watched.Where(r => r.State == RegistryStates.Repairing))
        {
            if (!await PeeringRepairs.IsRunningAsync(client, record.Id, cancellationToken))
            {
                stranded[record.Id] = record.UpdatedAt;
            }
        }

        return stranded;
    }

    /// <summary>Writes the check into the record as one optimistic step (a workflow may write the same record meanwhile).</summary>
    private async Task<(RegisteredPeering Record, HealthUpdate Update)?> RecordAsync(
        string id, WatchedFacts facts, DateTimeOffset now, IReadOnlyDictionary<string, DateTimeOffset> stranded, CancellationToken cancellationToken)
    {
        HealthUpdate? update = null;
        var stored = await registry.UpdateAsync(id, current =>
        {
            update = null;
            if (!current.IsWatched)
            {
                return null; // torn down (or marked) since the list: nothing of ours to say about it
            }

            var check = DriftDetector.Detect(current, facts, current.Health?.KnownVpcCidrs, now);
            update = HealthUpdate.From(current.Health, check, now);
            // A change of state is a change of the record: the status document shows the record's state only when it is
            // newer than the workflow's last update, so an Active → Drifted (or back) must move UpdatedAt.
            var strandedRepair = current.State == RegistryStates.Repairing && stranded.TryGetValue(id, out var marked) && marked == current.UpdatedAt;
            var state = HealthUpdate.StateAfter(strandedRepair ? RegistryStates.Drifted : current.State, update.Health);
            return current with { Health = update.Health, State = state, UpdatedAt = state == current.State ? current.UpdatedAt : now };
        }, cancellationToken);
        return stored is not null && update is not null ? (stored, update) : null;
    }

    private async Task NotifyAsync(RegisteredPeering record, IReadOnlyList<DriftFinding> found, CancellationToken cancellationToken)
    {
        try
        {
            await notifier.NotifyDriftAsync(new PeeringDriftNotice(
                record.Id, record.Name, record.Initiator.Account, record.Receiver.Account, record.PeeringConnectionId, record.RepairPolicy, found),
                cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A notice is a courtesy: the finding stays in the record's health either way.
            logger.LogWarning("Notifying the drift of {Id} failed: {Error}", record.Id, error.Message);
        }
    }

    /// <param name="Calls">Every call made for the group, a failed group's too.</param>
    private sealed record GroupRead(GroupKey Key, GroupFacts? Facts, string? Error, IReadOnlyDictionary<string, int> Calls);
}
