using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.Portal.Tests.Support;

/// <summary>
/// One local host per test class — embedded emulator (demo seed), in-process Durable engine, the API and the pages on
/// a free loopback port — with a known signing key, reset between tests.
/// </summary>
public class PortalHostFixture : IAsyncLifetime
{
    public const string SigningKey = "portal-tests-signing-key-0123456789abcdef";

    private LocalPeeringHost? host;

    public LocalPeeringHost Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    public DurableTaskClient Client => Host.Client;

    public TencentVpcEmulatorServer Emulator => Host.Emulator ?? throw new InvalidOperationException("No embedded emulator.");

    public ApprovalLinks Links => Host.Services.GetRequiredService<ApprovalLinks>();

    public async Task InitializeAsync()
    {
        var options = new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build(),
        };
        Configure(options);
        host = await LocalPeeringHost.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>A client that does not follow redirects, so a test sees the 303 and where it points.</summary>
    public HttpClient NewHttp() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A fixture may change how the host starts (Kestrel limits, a log sink).</summary>
    protected virtual void Configure(LocalHostOptions options)
    {
    }

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Portal:ApprovalSigningKey", SigningKey),
        new("Portal:Regions:0", "ap-guangzhou"),
        new("Portal:Regions:1", "ap-shanghai"),
        new("Portal:RefreshInterval", "00:00:01"),
    ];

    /// <summary>Starts alpha → beta of the demo seed over the API and waits until it waits for beta's decision.</summary>
    public async Task<(string Id, string Pcx, DateTime Deadline)> RequestAlphaToBetaAsync(HttpClient http, string name = "alpha-to-beta")
    {
        var response = await http.PostAsJsonAsync("api/peerings", Requests.AlphaToBeta(name));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        var progress = await WaitForAsync(id, p => p?.Step == PeeringSteps.WaitingForAcceptance);
        return (id, progress!.PeeringConnectionId!, progress.AcceptanceDeadline!.Value);
    }

    public async Task<PeeringProgress?> WaitForAsync(string id, Func<PeeringProgress?, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            var progress = instance?.ReadCustomStatusAs<PeeringProgress>();
            if (instance is not null && condition(progress))
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < until, $"{id} did not reach the expected state; it is {instance?.RuntimeStatus} at {progress?.Step}.");
            await Task.Delay(50);
        }
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Back to the seed: every instance ended and purged, the emulator reset, the pages' cached reads dropped.</summary>
    public async Task ResetAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 100 }).WithCancellation(timeout.Token))
        {
            instances.Add(instance);
        }

        foreach (var instance in instances.Where(i => i.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending))
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
        Host.Services.GetRequiredService<Network.NetworkReader>().Invalidate();
    }

    private sealed record IdOnly(string Id);
}
