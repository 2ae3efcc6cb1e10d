using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Testing.Logging;
using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// A local host whose OpenTelemetry exports into lists (spans, metric snapshots, the HTTP side's log records) and whose
/// every log line, from both containers, is kept too. No timer ticks: only the test's requests make Tencent calls.
/// </summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    private TelemetryHost(LocalPeeringHost host, List<Activity> spans, List<MetricSnapshot> metrics, List<LogRecord> logRecords, LogSink logs)
    {
        Host = host;
        Spans = spans;
        Metrics = metrics;
        LogRecords = logRecords;
        Logs = logs;
        Http = new HttpClient { BaseAddress = host.BaseUrl };
        Api = new PeeringApiDriver(Http, waitOutUnanswered: true);
    }

    public LocalPeeringHost Host { get; }

    public HttpClient Http { get; }

    public PeeringApiDriver Api { get; }

    /// <summary>Ended spans, as exported.</summary>
    public List<Activity> Spans { get; }

    /// <summary>One snapshot per metric per export (cumulative: the last one of a name holds its totals).</summary>
    public List<MetricSnapshot> Metrics { get; }

    /// <summary>Log records the HTTP side's OpenTelemetry exported.</summary>
    public List<LogRecord> LogRecords { get; }

    /// <summary>Every log line of both containers (the HTTP API's and the Durable worker's), formatted with its state.</summary>
    public LogSink Logs { get; }

    public TencentVpcEmulatorServer Emulator => Host.Emulator!;

    /// <param name="seed">The emulator's accounts and VPCs (default: the demo seed).</param>
    /// <param name="minimumLogLevel">What the kept log lines go down to (the console stays at Warning).</param>
    /// <param name="durableBackend">Where the Durable engine keeps its instances (default: in memory).</param>
    /// <param name="settings">More configuration (e.g. a chat platform's secret).</param>
    public static async Task<TelemetryHost> StartAsync(
        EmulatorSeed? seed = null,
        LogLevel minimumLogLevel = LogLevel.Warning,
        DurableBackendOptions? durableBackend = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var records = new List<LogRecord>();
        var sink = new LogSink();
        var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            MinimumLogLevel = minimumLogLevel,
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AcceptancePoll:Enabled"] = "false",
                ["DriftCheck:Enabled"] = "false",
                ["Logging:Console:LogLevel:Default"] = "Warning",
            }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build(),
            Emulator = new EmulatorOptions { Seed = seed },
            DurableBackend = durableBackend,
            ConfigureWebLogging = logging => logging.AddProvider(sink),
            ConfigureWorkflowServices = services => services.AddLogging(logging => logging.AddProvider(sink)),
            ConfigureTelemetry = otel => otel
                .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                .WithMetrics(meters => meters.AddInMemoryExporter(metrics))
                .WithLogging(logging => logging.AddInMemoryExporter(records)),
        });
        return new TelemetryHost(host, spans, metrics, records, sink);
    }

    /// <summary>Exports what is buffered: spans ended so far, the metrics' current values, pending log records.</summary>
    public void Flush()
    {
        Host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Host.Services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    /// <summary>The latest snapshot of the metric <paramref name="name"/>; fails naming it when none was exported.</summary>
    public MetricSnapshot Metric(string name) =>
        Metrics.LastOrDefault(m => m.Name == name) ?? throw new Xunit.Sdk.XunitException($"No metric '{name}' was exported.");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
