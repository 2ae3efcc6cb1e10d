using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.Peerings.Stuck;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Registry;
using PeeringFunctions.Testing.Logging;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Tests.Stuck;

/// <summary>
/// The stuck check: an instance past its step's threshold is reported once (log event, metric, notice to the
/// initiator), however many ticks follow and across a restart; a new step starts over; waiting for acceptance counts
/// only past its own deadline; marks of ended instances are forgotten.
/// </summary>
public sealed class StuckInstanceCheckTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly PeeringRequest Request = PeeringInstances.AlphaToBetaRouted();
    private static readonly string Id = PeeringInstances.IdOf(Request);

    private readonly DurableFake durable = new();
    private readonly InMemoryStuckMarks marks = new();
    private readonly InMemoryPeeringRegistry registry = new();
    private readonly RecordingNotifier notifier = new();
    private readonly LogSink logs = new();
    private readonly FakeTimeProvider time = new(Now);
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<string> stuckSteps = new();

    public StuckInstanceCheckTests()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OperationsTelemetry.Name && instrument.Name == "peerings.stuck")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                // Only this class runs stuck checks in this assembly, one test at a time.
                if (tag.Key == OperationsTelemetry.Step && tag.Value is string step)
                {
                    for (var i = 0; i < value; i++)
                    {
                        stuckSteps.Enqueue(step);
                    }
                }
            }
        });
        listener.Start();
    }

    public void Dispose() => listener.Dispose();

    private StuckInstanceCheck Check(StuckCheckOptions? options = null) => new(
        marks, registry, notifier, Options.Create(options ?? new StuckCheckOptions()), time,
        LoggerFactory.Create(b => b.AddProvider(logs)).CreateLogger<StuckInstanceCheck>());

    private static OrchestrationMetadata Instance(
        string step, DateTimeOffset lastUpdated, DateTime? deadline = null, string? id = null,
        OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running) =>
        new("PeeringOrchestrator", id ?? Id)
        {
            RuntimeStatus = status,
            CreatedAt = Created,
            LastUpdatedAt = lastUpdated,
            SerializedInput = JsonSerializer.Serialize(Request),
            SerializedCustomStatus = JsonSerializer.Serialize(new PeeringProgress(step, null, SideProgress.Waiting, SideProgress.Waiting, deadline)),
            DataConverter = JsonDataConverter.Default,
        };

    private async Task TickAsync(int times = 1, StuckInstanceCheck? check = null)
    {
        check ??= Check();
        for (var i = 0; i < times; i++)
        {
            await check.CheckAsync(durable.Client, CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_instance_past_its_steps_threshold_is_reported_once_however_many_ticks_follow()
    {
        durable.Add(Instance(PeeringSteps.Requesting, Now.AddMinutes(-11)));

        await TickAsync(times: 4);

        var notice = Assert.Single(notifier.Notices);
        Assert.Equal((Id, Id, "web-to-db", "alpha", PeeringSteps.Requesting), (notice.InstanceId, notice.PeeringId, notice.Name, notice.InitiatorAccount, notice.Step));
        Assert.Equal(Now.AddMinutes(-11), notice.Since);
        Assert.Equal("longer than 10 minutes", notice.Limit);
        Assert.Single(logs.MessagesOf(OperationsEvents.InstanceStuck));
        Assert.Equal([PeeringSteps.Requesting], stuckSteps);
        Assert.Equal(Now, (await marks.GetAsync(Id))!.ReportedAt);
    }

    [Fact]
    public async Task An_instance_within_its_threshold_is_reported_only_once_the_clock_passes_it()
    {
        durable.Add(Instance(PeeringSteps.Configuring, Now.AddMinutes(-20)));
        var check = Check();

        await TickAsync(check: check);
        var before = notifier.Notices.Count;
        time.Advance(TimeSpan.FromMinutes(11));
        await TickAsync(check: check);

        Assert.Equal(0, before);
        Assert.Equal(PeeringSteps.Configuring, Assert.Single(notifier.Notices).Step);
    }

    [Fact]
    public async Task A_new_step_starts_a_new_mark_and_is_reported_on_its_own_when_it_overstays()
    {
        durable.Add(Instance(PeeringSteps.Requesting, Now.AddMinutes(-11)));
        await TickAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        durable.Add(Instance(PeeringSteps.Configuring, time.GetUtcNow()));

        await TickAsync();
        var afterMoving = notifier.Notices.Count;
        time.Advance(TimeSpan.FromMinutes(31));
        await TickAsync(times: 2);

        Assert.Equal(1, afterMoving);
        Assert.Equal([PeeringSteps.Requesting, PeeringSteps.Configuring], notifier.Notices.Select(n => n.Step));
        Assert.Equal(2, logs.MessagesOf(OperationsEvents.InstanceStuck).Count);
    }

    [Fact]
    public async Task Waiting_for_acceptance_counts_as_stuck_only_past_its_own_deadline_and_the_grace()
    {
        var deadline = Now.AddHours(1).UtcDateTime;
        durable.Add(Instance(PeeringSteps.WaitingForAcceptance, Now.AddDays(-6), deadline));
        var check = Check();

        await TickAsync(check: check);
        time.Advance(TimeSpan.FromMinutes(65));
        await TickAsync(check: check);
        var withinGrace = notifier.Notices.Count;
        time.Advance(TimeSpan.FromMinutes(6));
        await TickAsync(check: check);

        Assert.Equal(0, withinGrace);
        var notice = Assert.Single(notifier.Notices);
        Assert.Equal($"10 minutes past its acceptance deadline {deadline:u}", notice.Limit);
    }

    [Fact]
    public async Task A_restarted_check_over_the_same_marks_does_not_report_again()
    {
        durable.Add(Instance(PeeringSteps.Requesting, Now.AddMinutes(-30)));
        await TickAsync(check: Check());

        time.Advance(TimeSpan.FromMinutes(5));
        await TickAsync(times: 3, check: Check());

        Assert.Single(notifier.Notices);
    }

    [Fact]
    public async Task The_mark_of_an_instance_that_ended_is_forgotten_and_a_new_run_under_its_id_starts_over()
    {
        durable.Add(Instance(PeeringSteps.Requesting, Now.AddMinutes(-30)));
        await TickAsync();
        durable.Add(Instance(PeeringSteps.Completed, Now, status: OrchestrationRuntimeStatus.Completed));

        var report = await Check().CheckAsync(durable.Client, CancellationToken.None);

        Assert.Equal(1, report.Forgotten);
        Assert.Null(await marks.GetAsync(Id));
    }

    [Fact]
    public async Task A_stuck_teardown_tells_the_initiator_named_in_the_peerings_registry_record()
    {
        var teardownId = PeeringInstanceIds.TeardownOf(Id);
        await registry.UpsertAsync(new RegisteredPeering(
            Id, "web-to-db", RegistryStates.TearingDown, "pcx-demo0001",
            new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", null, [], [], []),
            new RegisteredSide("beta", null, "ap-shanghai", "vpc-beta0001", null, [], [], []),
            Now.AddHours(-1)));
        durable.Add(new OrchestrationMetadata("TeardownOrchestrator", teardownId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            CreatedAt = Created,
            LastUpdatedAt = Now.AddMinutes(-31),
            SerializedCustomStatus = JsonSerializer.Serialize(new TeardownProgress(TeardownSteps.DeletingPeering, "pcx-demo0001")),
            DataConverter = JsonDataConverter.Default,
        });

        await TickAsync(times: 2);

        var notice = Assert.Single(notifier.Notices);
        Assert.Equal((teardownId, Id, "alpha", TeardownSteps.DeletingPeering, "longer than 30 minutes"),
            (notice.InstanceId, notice.PeeringId, notice.InitiatorAccount, notice.Step, notice.Limit));
    }

    [Fact]
    public async Task The_peerings_list_shows_the_stuck_mark_while_the_instance_stays_at_that_step()
    {
        durable.Add(PeeringInstances.Peering(Id, Request, pcx: null, step: PeeringSteps.Requesting));
        await marks.UpsertAsync(new StuckMark(Id, DateTimeOffset.MinValue, PeeringSteps.Requesting, Now.AddMinutes(-30), Now));
        var operations = new PeeringOperations(registry, NullLogger<PeeringOperations>.Instance, stuckMarks: marks);

        var shown = Assert.Single(await operations.ListAsync(durable.Client, null, CancellationToken.None));
        durable.Add(PeeringInstances.Peering(Id, Request, pcx: null, step: PeeringSteps.Configuring));
        var moved = Assert.Single(await operations.ListAsync(durable.Client, null, CancellationToken.None));

        Assert.Equal(new StuckView(Id, PeeringSteps.Requesting, Now.AddMinutes(-30), Now), shown.Stuck);
        Assert.Null(moved.Stuck);
    }

    [Theory]
    [InlineData("StuckCheck:Thresholds:Requesting", "StuckCheck:Thresholds:Requesting")]
    [InlineData("StuckCheck:DefaultThreshold", "StuckCheck:DefaultThreshold")]
    public void A_threshold_that_is_not_positive_is_refused_naming_the_key(string key, string named)
    {
        var options = new StuckCheckOptions();
        if (key.EndsWith("Requesting", StringComparison.Ordinal))
        {
            options.Thresholds[PeeringSteps.Requesting] = TimeSpan.Zero;
        }
        else
        {
            options.DefaultThreshold = TimeSpan.FromMinutes(-1);
        }

        var result = new StuckCheckOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    private sealed class RecordingNotifier : IPeeringNotifier
    {
        public ConcurrentQueue<StuckInstanceNotice> Notices { get; } = new();

        public Task NotifyReceiverAsync(NotifyReceiverInput notice, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task NotifyStuckAsync(StuckInstanceNotice notice, CancellationToken cancellationToken)
        {
            Notices.Enqueue(notice);
            return Task.CompletedTask;
        }
    }
}
