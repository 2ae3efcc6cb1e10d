using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps;
using PeeringFunctions.HttpApi;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.LocalHost.Http;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Acceptance;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Peerings.Purging;
using PeeringFunctions.Peerings.Stuck;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Peerings.Watching;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow;
using TencentVpcEmulator;

namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>
/// Everything `dotnet run --project src/PeeringFunctions.LocalHost` runs, startable from a test: the embedded
/// emulator (unless Tencent is configured), the in-process Durable engine with the workflow's tasks, and the HTTP API.
/// Dispose stops them in reverse order.
/// </summary>
public sealed class LocalPeeringHost : IAsyncDisposable
{
    private readonly WebApplication web;

    private LocalPeeringHost(
        WebApplication web, Uri baseUrl, InProcessDurableEngine engine, TencentVpcEmulatorServer? emulator, TencentTarget tencent,
        IConfiguration configuration, RegistryOptions registry)
    {
        this.web = web;
        RegistryOptions = registry;
        BaseUrl = baseUrl;
        Engine = engine;
        Emulator = emulator;
        Tencent = tencent;
        Configuration = configuration;
    }

    /// <summary>The HTTP API's first bound URL with its actual port, e.g. http://127.0.0.1:7071/.</summary>
    public Uri BaseUrl { get; }

    public InProcessDurableEngine Engine { get; }

    /// <summary>The client the HTTP API uses; tests drive orchestrations with it directly.</summary>
    public DurableTaskClient Client => Engine.Client;

    /// <summary>The embedded emulator, or null when the host talks to a configured Tencent endpoint.</summary>
    public TencentVpcEmulatorServer? Emulator { get; }

    public TencentTarget Tencent { get; }

    /// <summary>The effective configuration (the given one, plus the emulator's settings when it is embedded).</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The peering registry's settings as used (Registry section, filled from the Durable backend); see <see cref="Registry"/>.</summary>
    public RegistryOptions RegistryOptions { get; }

    /// <summary>The one registry both containers share: the HTTP API's and the activities'.</summary>
    public IPeeringRegistry Registry => Services.GetRequiredService<IPeeringRegistry>();

    /// <summary>The one audit trail both containers share, beside <see cref="Registry"/>.</summary>
    public IAuditTrail Audit => Services.GetRequiredService<IAuditTrail>();

    /// <summary>The "Portal" section as the pages bind it (function key, base URL, signing key).</summary>
    public PortalOptions Portal => Services.GetRequiredService<IOptions<PortalOptions>>().Value;

    /// <summary>The "DriftCheck" section as the watcher's timer binds it.</summary>
    public DriftCheckOptions DriftCheck => Services.GetRequiredService<IOptions<DriftCheckOptions>>().Value;

    /// <summary>The watcher the timer ticks; tests tick it themselves with <see cref="Client"/>.</summary>
    public DriftWatcher DriftWatcher => Services.GetRequiredService<DriftWatcher>();

    /// <summary>The "Purge" section as the purge timer binds it.</summary>
    public PurgeOptions Purge => Services.GetRequiredService<IOptions<PurgeOptions>>().Value;

    /// <summary>The purge the timer ticks; tests tick it themselves with <see cref="Client"/>.</summary>
    public HistoryPurger HistoryPurger => Services.GetRequiredService<HistoryPurger>();

    /// <summary>The "StuckCheck" section as the stuck check's timer binds it.</summary>
    public StuckCheckOptions StuckCheck => Services.GetRequiredService<IOptions<StuckCheckOptions>>().Value;

    /// <summary>The stuck check the timer ticks; tests tick it themselves with <see cref="Client"/>.</summary>
    public StuckInstanceCheck StuckInstanceCheck => Services.GetRequiredService<StuckInstanceCheck>();

    /// <summary>The HTTP API's services (PeeringApi and its dependencies).</summary>
    public IServiceProvider Services => web.Services;

    public static async Task<LocalPeeringHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = options.Configuration ?? new ConfigurationBuilder().Build();

        TencentVpcEmulatorServer? emulator = null;
        InProcessDurableEngine? engine = null;
        try
        {
            IConfiguration configuration;
            if (TencentSettings.IsConfigured(given))
            {
                TencentSettings.Validate(given);
                configuration = given;
            }
            else
            {
                (emulator, configuration) = await StartEmulatorAsync(options, given, cancellationToken);
            }

            var tencent = TencentSettings.Describe(configuration, embeddedEmulator: emulator is not null);
            var backend = options.DurableBackend ?? DurableBackendOptions.FromConfiguration(configuration);
            RefuseInMemoryRecordOfRealTencent(backend, tencent, configuration);
            var portal = configuration.GetSection(PortalOptions.SectionName).Get<PortalOptions>() ?? new PortalOptions();
            var signingKey = ApprovalSigningKey.From(portal.ApprovalSigningKey, allowEphemeral: true);
            var (registryOptions, registryDefaults) = RegistrySettings(configuration, backend);
            var telemetry = TelemetrySettings(configuration);
            // One instance for both containers: what an activity writes, the HTTP API reads (in memory as in storage).
            var registry = RegistryRegistration.Create(registryOptions);
            var audit = RegistryRegistration.CreateAuditTrail(registryOptions);
            var logging = configuration.GetSection("Logging");
            engine = await InProcessDurableEngine.StartAsync(new InProcessDurableEngineOptions
            {
                RegisterTasks = tasks =>
                {
                    WorkflowRegistration.Register(tasks);
                    options.RegisterExtraTasks?.Invoke(tasks);
                },
                ConfigureServices = services =>
                {
                    services.AddSingleton(registry);
                    services.AddSingleton(audit);
                    services.AddPeeringRegistry(configuration, registryDefaults);
                    services.AddPeeringWorkflow(configuration);
                    // The activities' notifier: chat channels when configured, a log line otherwise; its approval links
                    // are signed with the same key the pages check (one key for both containers of this process).
                    services.AddSingleton(signingKey);
                    services.AddPeerings(configuration);
                    services.AddPeeringChatOps(configuration);
                    options.ConfigureWorkflowServices?.Invoke(services);
                    LocalTelemetry.AddLogExport(services, telemetry.Exporter, telemetry.OtlpEndpoint);
                },
                MaxConcurrentOrchestrations = options.MaxConcurrentOrchestrations,
                MaxConcurrentActivities = options.MaxConcurrentActivities,
                MinimumLogLevel = options.MinimumLogLevel,
                LoggingConfiguration = logging,

                // Persistent-backend hook (docs/reliability.md): in memory unless Durable:Backend / --durable-backend says AzureStorage.
                Backend = backend,
            }, cancellationToken);

            var web = BuildWebApp(options, configuration, engine.Client, tencent, backend, signingKey, (registry, audit), registryDefaults, telemetry);
            try
            {
                await web.StartAsync(cancellationToken);
            }
            catch
            {
                await web.DisposeAsync();
                throw;
            }

            var bound = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? options.Urls.Split(';')[0];
            return new LocalPeeringHost(web, new Uri(bound.EndsWith('/') ? bound : bound + "/"), engine, emulator, tencent, configuration, registryOptions);
        }
        catch
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Cancelled when the host is asked to stop (Ctrl+C when <see cref="LocalHostOptions.HandleConsoleSignals"/>).</summary>
    public CancellationToken Stopping => web.Lifetime.ApplicationStopping;

    /// <summary>Completes when the host is asked to stop (Ctrl+C when <see cref="LocalHostOptions.HandleConsoleSignals"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => web.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await web.StopAsync(timeout.Token);
        }
        finally
        {
            await web.DisposeAsync();
            await Engine.DisposeAsync();
            if (Emulator is not null)
            {
                await Emulator.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// With the in-memory backend a restart loses the record of every running peering while Tencent keeps what was
    /// created (a pending request, a peering, routes) and the API answers 404 for it. Against the emulator that is
    /// fine; against real Tencent only when asked for explicitly.
    /// </summary>
    private static void RefuseInMemoryRecordOfRealTencent(DurableBackendOptions backend, TencentTarget tencent, IConfiguration configuration)
    {
        if (backend.Kind != DurableBackendKind.InMemory || !tencent.IsRealTencent
            || configuration.GetValue<bool>(LocalHostOptions.AllowInMemoryWithRealTencentKey))
        {
            return;
        }

        throw new LocalHostConfigurationException(
            $"Refusing to keep the peering record in memory while talking to real Tencent ({tencent.ApiUrl}): a restart would " +
            "lose the record of every running peering, while Tencent keeps the requests, peerings and routes it created. " +
            "Start with --durable-backend azurestorage (Azurite: bash scripts/azurite.sh start) for a record that survives restarts, " +
            $"or pass {LocalHostOptions.AllowInMemoryWithRealTencentFlag} ({LocalHostOptions.AllowInMemoryWithRealTencentKey}=true) to accept losing it.");
    }

    /// <summary>
    /// The "Registry" section, filled from the Durable backend (Azure Tables on its storage in persistent mode, memory
    /// otherwise) and checked now, so a bad setting stops the start with a message naming the key.
    /// </summary>
    private static (RegistryOptions Options, Action<RegistryOptions> Defaults) RegistrySettings(IConfiguration configuration, DurableBackendOptions backend)
    {
        var defaults = backend.Kind == DurableBackendKind.AzureStorage
            ? HostStorageDefaults.LocalHost(backend.StorageConnectionString, backend.TaskHubName)
            : HostStorageDefaults.LocalHost(durableStorageConnectionString: null);
        var registry = configuration.GetSection(RegistryOptions.SectionName).Get<RegistryOptions>() ?? new RegistryOptions();
        defaults(registry);
        var failures = RegistryOptionsValidator.Failures(registry, hasCredential: false).ToList();
        return failures.Count == 0 ? (registry, defaults) : throw new LocalHostConfigurationException(string.Join(" ", failures));
    }

    /// <summary>The "Telemetry" section, checked now so a bad setting stops the start with a message naming the key.</summary>
    private static (string Exporter, Uri? OtlpEndpoint) TelemetrySettings(IConfiguration configuration)
    {
        var telemetry = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var (exporter, problem) = TelemetryOptions.Read(telemetry);
        return exporter is null ? throw new LocalHostConfigurationException(problem!) : (exporter, telemetry.OtlpEndpoint);
    }

    private static async Task<(TencentVpcEmulatorServer Emulator, IConfiguration Configuration)> StartEmulatorAsync(
        LocalHostOptions options, IConfiguration given, CancellationToken cancellationToken)
    {
        var emulatorOptions = options.Emulator ?? new EmulatorOptions { MinimumLogLevel = options.MinimumLogLevel };
        // Resolved here, not by the emulator, because the host needs the seed's accounts and keys for its own settings.
        emulatorOptions.Seed ??= emulatorOptions.SeedPath is { } path ? EmulatorSeed.Load(path) : EmulatorSeed.Demo;

        var emulator = await TencentVpcEmulatorServer.StartAsync(emulatorOptions, cancellationToken);
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(given)
            .AddInMemoryCollection(TencentSettings.ForEmulator(emulator.BaseUrl, emulatorOptions.Seed))
            .Build();
        return (emulator, configuration);
    }

    private static WebApplication BuildWebApp(
        LocalHostOptions options, IConfiguration configuration, DurableTaskClient client, TencentTarget tencent, DurableBackendOptions backend,
        ApprovalSigningKey signingKey, (IPeeringRegistry Records, IAuditTrail Audit) registry, Action<RegistryOptions> registryDefaults, (string Exporter, Uri? OtlpEndpoint) telemetry)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalPeeringHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Only the configuration we were given: the command line, environment and user secrets were read by Program.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        QuietLogging.Configure(builder.Logging, options.MinimumLogLevel, configuration.GetSection("Logging"));
        options.ConfigureWebLogging?.Invoke(builder.Logging);
        if (options.RequestBodyGracePeriod is { } grace)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(240, grace));
        }

        if (!options.HandleConsoleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
        }

        // The engine owns the client; registered as an instance, the web host will not dispose it.
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton(tencent);
        builder.Services.AddSingleton(backend);
        builder.Services.AddSingleton(registry.Records);
        builder.Services.AddSingleton(registry.Audit);
        builder.Services.AddPeeringRegistry(configuration, registryDefaults);
        // Top-down, as the Functions app: the workflow, the use cases over it (one signing key for both containers),
        // then the adapters.
        builder.Services.AddPeeringWorkflow(configuration);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddPeerings(configuration);
        builder.Services.AddPeeringAcceptancePolling(configuration);
        builder.Services.AddPeeringWatchTimer(configuration);
        builder.Services.AddPeeringPurgeTimer(configuration);
        builder.Services.AddStuckCheckTimer(configuration);
        builder.Services.AddPeeringHttpApi();
        builder.Services.AddPeeringChatOps(configuration);
        builder.Services.AddLocalPortal(options);
        builder.Services.AddAllowedHosts(configuration);
        if (LocalTelemetry.Add(builder.Services, telemetry.Exporter, telemetry.OtlpEndpoint, options.ConfigureTelemetry))
        {
            builder.Services.AddPeeringTelemetry(configuration);
        }

        var app = builder.Build();
        app.UseClientRequestErrors();

        // Through the server's address list, not UseUrls: that would write "urls" into the caller's configuration.
        foreach (var url in options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            app.Urls.Add(url);
        }

        app.MapPeeringApi();
        return app;
    }
}
