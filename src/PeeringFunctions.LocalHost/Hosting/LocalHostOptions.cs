using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TencentVpcEmulator;

namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>How to start a <see cref="LocalPeeringHost"/>.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The port the Functions host uses locally, so portal code written against `func start` works unchanged.</summary>
    public const string DefaultUrls = "http://127.0.0.1:7071";

    /// <summary>
    /// LocalHost:AllowInMemoryWithRealTencent (or --allow-in-memory-with-real-tencent): start with the in-memory
    /// Durable backend against real Tencent anyway. Without it the host refuses, because a restart would lose the
    /// record of every running peering while Tencent keeps what was created.
    /// </summary>
    public const string AllowInMemoryWithRealTencentKey = "LocalHost:AllowInMemoryWithRealTencent";

    /// <summary>The command-line flag that sets <see cref="AllowInMemoryWithRealTencentKey"/>.</summary>
    public const string AllowInMemoryWithRealTencentFlag = "--allow-in-memory-with-real-tencent";

    /// <summary>Kestrel URLs of the HTTP API (';'-separated); port 0 picks a free one (see <see cref="LocalPeeringHost.BaseUrl"/>).</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>
    /// The app's configuration: the "Tencent" section (endpoint and accounts), "Portal:FunctionKey" and "Logging".
    /// Without Tencent settings the host embeds the emulator and configures itself for it.
    /// </summary>
    public IConfiguration? Configuration { get; set; }

    /// <summary>
    /// Settings of the embedded emulator (seed, pending expiry, random seed, clock) when it is used; its URL is always
    /// a free loopback port unless set here. Default: the demo seed.
    /// </summary>
    public EmulatorOptions? Emulator { get; set; }

    /// <summary>Console log level of every part (Warning: quiet; the API never logs secrets at any level).</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>True for the command-line host: Ctrl+C / SIGTERM stop it. Embedded hosts (tests) leave signals alone.</summary>
    public bool HandleConsoleSignals { get; set; }

    /// <summary>Extra logging set-up for the HTTP host, applied after its own (a test may add a provider that keeps every line).</summary>
    public Action<ILoggingBuilder>? ConfigureWebLogging { get; set; }

    /// <summary>
    /// How long a request body may arrive slower than Kestrel's minimum rate (240 bytes/s) before the request ends
    /// with 408. Null: Kestrel's default, 5 seconds. A test shortens it to see a stalled body end quickly.
    /// </summary>
    public TimeSpan? RequestBodyGracePeriod { get; set; }

    /// <summary>Extra services for the activities' container, applied after the workflow's own (a test may swap the notifier).</summary>
    public Action<IServiceCollection>? ConfigureWorkflowServices { get; set; }

    /// <summary>Extra orchestrators and activities for the Durable worker, beside the workflow's (the benchmark's bare-engine baseline).</summary>
    public Action<Microsoft.DurableTask.DurableTaskRegistry>? RegisterExtraTasks { get; set; }

    /// <summary>
    /// Adds to the host's OpenTelemetry (tests: an in-memory exporter); set, telemetry is on whatever Telemetry:Exporter says.
    /// </summary>
    public Action<OpenTelemetry.IOpenTelemetryBuilder>? ConfigureTelemetry { get; set; }

    /// <summary>Sidecar concurrency; see <see cref="Durable.InProcessDurableEngineOptions"/>.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 2000;

    public int MaxConcurrentActivities { get; set; } = 2000;

    /// <summary>
    /// The Durable backend. Null (default): read from <see cref="Configuration"/> (Durable:Backend, --durable-backend),
    /// which is in memory unless AzureStorage is asked for; see <see cref="Durable.DurableBackendOptions"/>.
    /// </summary>
    public Durable.DurableBackendOptions? DurableBackend { get; set; }
}
