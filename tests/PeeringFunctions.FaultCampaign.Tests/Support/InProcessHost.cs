using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using TencentVpcEmulator;

namespace PeeringFunctions.Reliability.Support;

/// <summary>
/// One in-process local host (embedded emulator with the demo seed, in-memory Durable engine, HTTP API on a free
/// port) per test class, with the acceptance poller off so only the test decides. Reset between tests.
/// </summary>
public class InProcessHost : IAsyncLifetime
{
    private LocalPeeringHost? host;
    private HttpClient? http;

    public LocalPeeringHost Host => host ?? throw new InvalidOperationException("Not started.");

    internal PortalClient Portal => new(http ?? throw new InvalidOperationException("Not started."));

    public HttpClient Http => http ?? throw new InvalidOperationException("Not started.");

    public TencentVpcEmulatorServer Emulator => Host.Emulator!;

    public DurableTaskClient Client => Host.Client;

    public virtual async Task InitializeAsync()
    {
        host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build(),
            Emulator = new EmulatorOptions { RandomSeed = 20261125 },
        });
        http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Every instance ended and purged (ids derive from the VPC pair), then the emulator back to its seed.</summary>
    public async Task ResetAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 100 }).WithCancellation(timeout.Token))
        {
            instances.Add(instance);
        }

        foreach (var instance in instances.Where(i => i.IsRunning || i.RuntimeStatus == OrchestrationRuntimeStatus.Pending))
        {
            await Client.TerminateInstanceAsync(instance.InstanceId, "reset between tests", timeout.Token);
            await Client.WaitForInstanceCompletionAsync(instance.InstanceId, timeout.Token);
        }

        await Task.Delay(100, timeout.Token);
        foreach (var instance in instances)
        {
            await Client.PurgeInstanceAsync(instance.InstanceId, cancellation: timeout.Token);
        }

        Emulator.Reset();
    }

    /// <summary>A signed VPC API client for a seed account, as that account's own console or tooling would call Tencent.</summary>
    public VpcClient ConsoleOf(string account, string region)
    {
        var seed = EmulatorSeed.Demo.Accounts.Single(a => a.Name == account);
        return new VpcClient(new Credential(seed.SecretId, seed.SecretKey), region,
            new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = Emulator.BaseUrl } });
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [new("AcceptancePoll:Enabled", "false")];
}
