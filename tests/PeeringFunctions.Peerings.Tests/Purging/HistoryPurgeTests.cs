using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.Peerings.Purging;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Testing.Logging;

namespace PeeringFunctions.Peerings.Tests.Purging;

/// <summary>
/// The purge tick: finished instances past the retention lose their Durable history, in batches of the configured
/// size, only when the peering's registry record is complete; running, recent, unrecorded and in-progress ones keep it.
/// </summary>
public sealed class HistoryPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private const string PeeringId = "peering-vpc-alpha001-vpc-beta0001";

    private readonly DurableFake durable = new();
    private readonly InMemoryPeeringRegistry registry = new();
    private readonly InMemoryAuditTrail audit = new();
    private readonly LogSink logs = new();
    private readonly FakeTimeProvider time = new(Now);

    private HistoryPurger Purger(int batchSize = 100) => new(
        new PurgeReadiness(registry, audit),
        Options.Create(new PurgeOptions { Retention = TimeSpan.FromDays(30), BatchSize = batchSize }),
        time,
        LoggerFactory.Create(b => b.AddProvider(logs)).CreateLogger<HistoryPurger>());

    private static OrchestrationMetadata Instance(string id, OrchestrationRuntimeStatus status, DateTimeOffset endedAt) =>
        new("PeeringOrchestrator", id) { RuntimeStatus = status, CreatedAt = endedAt.AddMinutes(-20), LastUpdatedAt = endedAt };

    /// <summary>What the workflow leaves at a run's end: the record, and its step in the audit trail (dated after every instance these tests make began).</summary>
    private async Task RecordedAsync(string id, string state)
    {
        var record = Record(id, state);
        await registry.UpsertAsync(record);
        await audit.AppendAsync(new AuditEntry(id, Now.AddDays(-30), AuditKinds.StateRecorded, "workflow", AuditChannels.Workflow, state, null, $"state:{state}"));
    }

    private static RegisteredPeering Record(string id, string state) => new(
        id, "web-to-db", state, "pcx-demo0001",
        new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", "rtb-alpha001", ["10.1.0.0/16"], [], []),
        new RegisteredSide("beta", null, "ap-shanghai", "vpc-beta0001", "rtb-beta0001", ["10.0.0.0/16"], [], []),
        Now.AddDays(-40));

    [Fact]
    public async Task A_finished_instance_older_than_the_retention_is_purged_and_its_peering_stays_in_the_registry()
    {
        durable.Add(Instance(PeeringId, OrchestrationRuntimeStatus.Completed, Now.AddDays(-31)));
        await RecordedAsync(PeeringId, RegistryStates.Active);

        var report = await Purger().PurgeAsync(durable.Client, CancellationToken.None);

        Assert.Equal([PeeringId], report.Purged);
        Assert.Equal([PeeringId], durable.Purged);
        Assert.Equal(RegistryStates.Active, (await registry.GetAsync(PeeringId))?.State);
        Assert.Single(logs.MessagesOf(OperationsEvents.HistoryPurged));
    }

    [Fact]
    public async Task An_instance_that_ended_within_the_retention_keeps_its_history_even_when_created_long_ago()
    {
        // Created 40 days ago, ended 29 days ago: the retention counts from the end.
        durable.Add(new OrchestrationMetadata("PeeringOrchestrator", PeeringId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed, CreatedAt = Now.AddDays(-40), LastUpdatedAt = Now.AddDays(-29),
        });
        await RecordedAsync(PeeringId, RegistryStates.Active);

        var report = await Purger().PurgeAsync(durable.Client, CancellationToken.None);

        Assert.Empty(report.Purged);
        Assert.Empty(durable.Purged);
        Assert.True(durable.Instances.ContainsKey(PeeringId));
    }

    [Fact]
    public async Task A_running_instance_keeps_its_history_however_old_it_is()
    {
        durable.Add(Instance(PeeringId, OrchestrationRuntimeStatus.Running, Now.AddDays(-90)));
        await RecordedAsync(PeeringId, RegistryStates.Active);

        var report = await Purger().PurgeAsync(durable.Client, CancellationToken.None);

        Assert.Empty(report.Purged);
        Assert.Empty(durable.Purged);
        Assert.All(durable.Queries, q => Assert.DoesNotContain(OrchestrationRuntimeStatus.Running, q!.Statuses!));
    }

    [Fact]
    public async Task Failed_and_terminated_instances_are_purged_like_completed_ones()
    {
        const string failed = "peering-vpc-alpha002-vpc-beta0002";
        const string terminated = "peering-vpc-alpha003-vpc-beta0003";
        durable.Add(Instance(failed, OrchestrationRuntimeStatus.Failed, Now.AddDays(-45)));
        durable.Add(Instance(terminated, OrchestrationRuntimeStatus.Terminated, Now.AddDays(-45)));
        await RecordedAsync(failed, RegistryStates.Failed);
        await RecordedAsync(terminated, RegistryStates.Expired);

        var report = await Purger().PurgeAsync(durable.Client, CancellationToken.None);

        Assert.Equal([failed, terminated], report.Purged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_tick_purges_at_most_the_batch_size_and_the_next_tick_goes_on_where_it_stopped()
    {
        for (var i = 0; i < 25; i++)
        {
            var id = $"peering-vpc-a{i:d7}-vpc-b{i:d7}";
            durable.Add(Instance(id, OrchestrationRuntimeStatus.Completed, Now.AddDays(-31 - i)));
            await RecordedAsync(id, RegistryStates.TornDown);
        }

        var purger = Purger(batchSize: 10);
        var ticks = new List<PurgeReport>();
        for (var tick = 0; tick < 4; tick++)
        {
            ticks.Add(await purger.PurgeAsync(durable.Client, CancellationToken.None));
        }

        Assert.Equal([10, 10, 5, 0], ticks.Select(r => r.Purged.Count));
        Assert.Equal([true, true, false, false], ticks.Select(r => r.MoreDue));
        Assert.Equal(25, durable.Purged.Distinct().Count());
        Assert.Empty(durable.Instances);
        var recorded = 0;
        await foreach (var _ in registry.ListAsync())
        {
            recorded++;
        }

        Assert.Equal(25, recorded);
    }

    [Fact]
    public async Task A_finished_instance_whose_record_is_missing_or_still_in_progress_is_kept_and_reported()
    {
        const string unrecorded = "peering-vpc-alpha002-vpc-beta0002";
        const string tearingDown = "peering-vpc-alpha003-vpc-beta0003";
        durable.Add(Instance(unrecorded, OrchestrationRuntimeStatus.Terminated, Now.AddDays(-31)));
        durable.Add(Instance(tearingDown, OrchestrationRuntimeStatus.Completed, Now.AddDays(-31)));
        await RecordedAsync(tearingDown, RegistryStates.TearingDown);

        var report = await Purger().PurgeAsync(durable.Client, CancellationToken.None);

        Assert.Empty(durable.Purged);
        Assert.Equal(
            [$"{unrecorded}: the registry holds no record of {unrecorded}", $"{tearingDown}: its registry record still says TearingDown"],
            report.Skipped.Order(StringComparer.Ordinal));
        var warning = Assert.Single(logs.MessagesOf(OperationsEvents.PurgeSkipped));
        Assert.Contains(unrecorded, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_instance_whose_audit_trail_holds_no_step_since_it_began_is_kept_and_reported()
    {
        durable.Add(Instance(PeeringId, OrchestrationRuntimeStatus.Completed, Now.AddDays(-31)));
        await registry.UpsertAsync(Record(PeeringId, RegistryStates.Active)); // the record, but not its step in the trail

        var report = await Purger().PurgeAsync(durable.Client, CancellationToken.None);

        Assert.Empty(durable.Purged);
        Assert.Equal([$"{PeeringId}: its audit trail holds no step the workflow recorded since the instance began"], report.Skipped);
    }

    [Fact]
    public async Task Teardown_repair_and_bandwidth_instances_go_once_their_peering_is_recorded_and_a_foreign_id_stays()
    {
        string[] ours =
        [
            PeeringInstanceIds.TeardownOf(PeeringId), PeeringInstanceIds.RepairOf(PeeringId), PeeringInstanceIds.BandwidthChangeOf(PeeringId),
        ];
        foreach (var id in ours.Append("someone-elses-instance"))
        {
            durable.Add(Instance(id, OrchestrationRuntimeStatus.Completed, Now.AddDays(-60)));
        }

        await RecordedAsync(PeeringId, RegistryStates.TornDown);

        var report = await Purger().PurgeAsync(durable.Client, CancellationToken.None);

        Assert.Equal(ours.Order(StringComparer.Ordinal), report.Purged.Order(StringComparer.Ordinal));
        Assert.Equal(["someone-elses-instance: not an instance id this app makes"], report.Skipped);
    }

    [Theory]
    [InlineData("00:30:00", "100", "Purge:Retention")]
    [InlineData("30.00:00:00", "0", "Purge:BatchSize")]
    [InlineData("30.00:00:00", "5000", "Purge:BatchSize")]
    public void Settings_out_of_range_are_refused_naming_the_key(string retention, string batchSize, string key)
    {
        var options = new PurgeOptions { Retention = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture), BatchSize = int.Parse(batchSize, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new PurgeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }
}
