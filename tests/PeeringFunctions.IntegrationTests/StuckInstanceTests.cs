using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Peerings.Stuck;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Registry;
using PeeringFunctions.Testing.Logging;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// A stuck instance on the local host: the emulator holds CreateVpcPeeringConnection, so the run stays in Requesting;
/// the check, on a clock moved past the threshold, reports it exactly once across ticks, and the pages show it.
/// Runs with the telemetry tests: its metric listener is process-wide.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class StuckInstanceTests
{
    [Fact]
    public async Task A_run_held_by_a_hanging_tencent_call_is_reported_once_across_ticks_and_shown_as_stuck_in_the_portal_list_and_on_its_status_page()
    {
        var metrics = new List<MetricSnapshot>();
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["StuckCheck:Enabled"] = "false" }).Build(),
            Emulator = new EmulatorOptions(),
            ConfigureTelemetry = otel => otel.WithMetrics(meters => meters.AddInMemoryExporter(metrics)),
        });
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        var api = new PeeringApiDriver(http);
        host.Emulator!.SetLatency("CreateVpcPeeringConnection", TimeSpan.FromSeconds(10)); // the checks below take well under a second
        var started = await api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await api.WaitForStepAsync(started.Id, PeeringSteps.Requesting);

        var logs = new LogSink();
        var notifier = new RecordingNotifier();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var check = new StuckInstanceCheck(
            host.Services.GetRequiredService<IStuckMarks>(), host.Registry, notifier, Options.Create(new StuckCheckOptions()), clock,
            LoggerFactory.Create(b => b.AddProvider(logs)).CreateLogger<StuckInstanceCheck>());
        var reports = new List<StuckCheckReport> { await check.CheckAsync(host.Client, CancellationToken.None) };
        clock.Advance(TimeSpan.FromMinutes(11)); // past Requesting's 10 minutes
        for (var tick = 0; tick < 3; tick++)
        {
            reports.Add(await check.CheckAsync(host.Client, CancellationToken.None));
        }

        var shown = await api.GetAsync(started.Id);
        var list = await http.GetStringAsync("api/portal");
        var page = await http.GetStringAsync($"api/portal/peerings/{started.Id}");
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(PeeringSteps.Requesting, shown.Step); // still held by the call
        Assert.Equal([0, 1, 0, 0], reports.Select(r => r.Reported.Count));
        var notice = Assert.Single(notifier.Notices);
        Assert.Equal((started.Id, "alpha", PeeringSteps.Requesting), (notice.InstanceId, notice.InitiatorAccount, notice.Step));
        Assert.Single(logs.MessagesOf(OperationsEvents.InstanceStuck));
        var stuck = metrics.Last(m => m.Name == "peerings.stuck");
        Assert.Equal(1, stuck.MetricPoints.Sum(p => p.GetSumLong()));
        Assert.Equal(PeeringSteps.Requesting, shown.Stuck?.Step);
        Assert.Contains($"at {PeeringSteps.Requesting} since", list, StringComparison.Ordinal);
        Assert.Contains(">Stuck</span>", list, StringComparison.Ordinal);
        Assert.Contains("<dt>Stuck</dt>", page, StringComparison.Ordinal);
        Assert.Contains($"at {PeeringSteps.Requesting} since", page, StringComparison.Ordinal);
        host.Emulator.ClearLatency();
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
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
