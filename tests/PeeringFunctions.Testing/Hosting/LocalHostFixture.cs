using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.Testing.Api;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.Testing.Hosting;

/// <summary>
/// One local host per test class — embedded emulator (demo seed), in-process Durable engine, HTTP API and pages on a
/// free loopback port — reset between tests instead of restarted, which keeps the suites quick on two cores. A test
/// project derives from it for its settings (<see cref="Settings"/>), its start-up options (<see cref="Configure"/>),
/// a portal function key every request carries (<see cref="PortalFunctionKey"/>) and what else a reset must drop
/// (<see cref="OnReset"/>).
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    /// <summary>Fixed, so injected faults hit the same calls on every run.</summary>
    public const int RandomSeed = 20261125;

    private LocalPeeringHost? host;
    private HttpClient? http;

    public LocalPeeringHost Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>A client of the host's API (with <see cref="PortalFunctionKey"/> when there is one); follows redirects.</summary>
    public HttpClient Http => http ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The HTTP API as a portal and an approver use it, over <see cref="Http"/>.</summary>
    public PeeringApiDriver Api => new(Http);

    /// <summary>The topology routes over <see cref="Http"/>.</summary>
    public TopologyApiDriver Topologies => new(Http);

    public TencentVpcEmulatorServer Emulator => Host.Emulator ?? throw new InvalidOperationException("The host did not embed the emulator.");

    public DurableTaskClient Client => Host.Client;

    /// <summary>The portal's function key this host requires and <see cref="Http"/> sends (x-functions-key); none by default.</summary>
    public virtual string? PortalFunctionKey => null;

    public virtual async Task InitializeAsync()
    {
        var settings = Settings().ToList();
        if (PortalFunctionKey is { } key)
        {
            settings.Add(new("Portal:FunctionKey", key));
        }

        var options = new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            Emulator = new EmulatorOptions { RandomSeed = RandomSeed },
        };
        Configure(options);
        host = await LocalPeeringHost.StartAsync(options);
        http = NewHttp(followRedirects: true);
        if (PortalFunctionKey is { } functionKey)
        {
            http.DefaultRequestHeaders.Add("x-functions-key", functionKey);
        }
    }

    /// <summary>A new client of the host, without the function key; by default it does not follow redirects, so a test sees the 303 and where it points.</summary>
    public HttpClient NewHttp(bool followRedirects = false) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = Host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Back to the seed: every instance ended and purged (instance ids are derived from the VPC pair, so the next test
    /// may reuse one), then the emulator's state, counters, faults and clock reset, then <see cref="OnReset"/>.
    /// </summary>
    /// <remarks>
    /// Instances are only ended once they are quiet — finished, or waiting for a decision with no activity in flight.
    /// The in-memory sidecar keys in-flight activities by instance id and task number, so an activity of a purged
    /// instance that completes later is delivered to (or lost for) the next instance with the same id.
    /// </remarks>
    public async Task ResetAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instances = await WaitUntilQuietAsync(timeout.Token);

        var terminated = false;
        foreach (var instance in instances.Where(i => i.RuntimeStatus is OrchestrationRuntimeStatus.Running
                     or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended))
        {
            await Client.TerminateInstanceAsync(instance.InstanceId, "reset between tests", timeout.Token);
            await Client.WaitForInstanceCompletionAsync(instance.InstanceId, timeout.Token);
            terminated = true;
        }

        if (terminated)
        {
            // The sidecar releases a work item just after the instance shows Terminated; purging sooner races with it.
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }

        foreach (var instance in instances)
        {
            await Client.PurgeInstanceAsync(instance.InstanceId, cancellation: timeout.Token);
        }

        Emulator.Reset();
        // The emulator's ids repeat after a reset (seeded generator): records of earlier tests must not be taken for new ones.
        (Host.Services.GetService<IPeeringRegistry>() as InMemoryPeeringRegistry)?.Clear();
        (Host.Services.GetService<PeeringFunctions.Registry.Audit.IAuditTrail>() as PeeringFunctions.Registry.Audit.InMemoryAuditTrail)?.Clear();
        OnReset();
    }

    /// <summary>
    /// The decision the peering acted on (its id, accept or reject, source), from its custom status; null while none.
    /// The orchestrator acts on the first decision it receives and decisions arrive in the order they were raised, so
    /// when a decision sent after some refused requests is the one acted on, those requests raised none: how a test
    /// shows that refusals changed nothing without waiting and hoping.
    /// </summary>
    public async Task<DecisionTaken?> DecisionTakenAsync(string instanceId) =>
        (await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true))?.ReadCustomStatusAs<PeeringProgress>()?.Decision;

    /// <summary>A signed VPC API client for a seed account, as that account's own console or tooling would call Tencent.</summary>
    public VpcClient ConsoleOf(string account, string region) =>
        TencentConsole.Of(Emulator.BaseUrl, Emulator.Options.Seed ?? (Emulator.Options.SeedPath is { } path ? EmulatorSeed.Load(path) : EmulatorSeed.Demo), account, region);

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Configuration on top of what the host derives for the emulator (none by default).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>A fixture may change how the host starts (Kestrel limits, a log sink, the emulator's options).</summary>
    protected virtual void Configure(LocalHostOptions options)
    {
    }

    /// <summary>What else a reset must drop (say, a cache of what the emulator held).</summary>
    protected virtual void OnReset()
    {
    }

    private async Task<IReadOnlyList<OrchestrationMetadata>> WaitUntilQuietAsync(CancellationToken cancellationToken)
    {
        var patience = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var instances = new List<OrchestrationMetadata>();
            var query = new OrchestrationQuery { PageSize = 100, FetchInputsAndOutputs = true };
            await foreach (var instance in Client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                instances.Add(instance);
            }

            if (DateTime.UtcNow > patience || instances.All(IsQuiet))
            {
                return instances;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private static bool IsQuiet(OrchestrationMetadata instance) =>
        instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
        || (instance.InstanceId.StartsWith("peering-", StringComparison.Ordinal)
            && instance.ReadCustomStatusAs<PeeringProgress>()?.Step == PeeringSteps.WaitingForAcceptance)
        || (instance.InstanceId.StartsWith("topology-", StringComparison.Ordinal)
            && instance.ReadCustomStatusAs<TopologyProgress>()?.Step == TopologySteps.WaitingForConsent);
}
