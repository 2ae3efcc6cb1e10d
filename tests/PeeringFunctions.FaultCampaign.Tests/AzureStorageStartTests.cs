using System.Net;
using Microsoft.Extensions.Configuration;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.FaultCampaign.Tests.Support;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.FaultCampaign.Tests;

/// <summary>
/// On the persistent backend (Azure Storage on Azurite), where the backend's own dedupe lets twenty simultaneous
/// starts of one id all through, the local host still starts one peering and one teardown however many ask at once.
/// </summary>
public sealed class AzureStorageStartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Twenty_simultaneous_requests_and_then_twenty_simultaneous_teardowns_on_azure_storage_each_run_once()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().Build(),
            Emulator = new EmulatorOptions(),
            DurableBackend = new DurableBackendOptions
            {
                Kind = DurableBackendKind.AzureStorage,
                StorageConnectionString = azurite.ConnectionString,
                TaskHubName = "StartRace",
            },
        });
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = Timeout };
        var portal = new PeeringApiDriver(http, waitOutUnanswered: true);
        var emulator = host.Emulator!;
        // One account on both sides: Tencent makes it ACTIVE at once, no decision needed.
        var body = PeeringRequests.Peering("start race",
            PeeringRequests.Side("beta", "ap-shanghai", DemoIds.BetaVpc, DemoIds.BetaPeeringTable, DemoIds.BetaAppSubnet),
            PeeringRequests.Side("beta", "ap-guangzhou", DemoIds.BetaGzVpc, DemoIds.BetaGzMainTable, DemoIds.BetaGzSubnet), crossRegion: true);

        var starts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await portal.StartAsync(body);
            return response.StatusCode;
        }));
        Assert.Equal(1, starts.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(19, starts.Count(s => s == HttpStatusCode.Conflict));
        const string id = $"peering-{DemoIds.BetaVpc}-{DemoIds.BetaGzVpc}";
        await portal.WaitUntilAsync(id, v => v.State == PeeringStatus.Active, "active", Timeout);

        var teardowns = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await http.DeleteAsync($"api/peerings/{id}");
            return response.StatusCode;
        }));
        Assert.Equal(1, teardowns.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(19, teardowns.Count(s => s == HttpStatusCode.Conflict));
        var done = await portal.WaitUntilAsync(id, v => v.State == LifecycleStates.TornDown, "torn down", Timeout);

        Assert.Equal(TeardownStatus.Removed, done.Teardown!.Outcome!.Status);
        Assert.Equal(1, emulator.Calls().ForAction("CreateVpcPeeringConnection").Writes);
        Assert.Equal(1, emulator.Calls().ForAction("DeleteVpcPeeringConnection").Writes);
    }
}
