using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// One local host per test class — embedded emulator (demo seed), in-process Durable engine, HTTP API on a free
/// loopback port — reset between tests instead of restarted, which keeps the suite quick on two cores.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    /// <summary>Fixed, so injected faults hit the same calls on every run.</summary>
    public const int RandomSeed = 20261125;

    private LocalPeeringHost? host;
    private HttpClient? http;

    public LocalPeeringHost Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Http => http ?? throw new InvalidOperationException("The fixture has not started.");

    public TencentVpcEmulatorServer Emulator => Host.Emulator ?? throw new InvalidOperationException("The host did not embed the emulator.");

    public DurableTaskClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build(),
            Emulator = new EmulatorOptions { RandomSeed = RandomSeed },
        });
        http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// Back to the seed: every instance ended and purged (instance ids are derived from the VPC pair, so the next test
    /// may reuse one), then the emulator's state, counters, faults and clock reset.
    /// </summary>
    /// <remarks>
    /// Instances are only ended once they are quiet — finished, or waiting for a decision with no activity in flight.
    /// The in-memory sidecar keys in-flight activities by instance id and task number, so an activity of a purged
    /// instance that completes later is delivered to (or lost for) the next instance with the same id.
    /// </remarks>
    public async Task ResetAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
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
            && instance.ReadCustomStatusAs<PeeringProgress>()?.Step == PeeringSteps.WaitingForAcceptance);

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
}

/// <summary>A host whose portal routes require a function key, as in Azure.</summary>
public sealed class FunctionKeyHostFixture : LocalHostFixture
{
    public const string FunctionKey = "portal-test-key";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Portal:FunctionKey", FunctionKey)];
}
