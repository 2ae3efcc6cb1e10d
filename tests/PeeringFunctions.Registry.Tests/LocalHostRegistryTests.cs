using Microsoft.Extensions.Configuration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Registry.TableStorage;
using PeeringFunctions.Registry.Tests.Support;
using TencentVpcEmulator;

namespace PeeringFunctions.Registry.Tests;

/// <summary>The local host's registry: one instance for the HTTP side and the activities, in memory or on the Durable backend's storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostRegistryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task By_default_the_http_side_and_the_activities_share_one_in_memory_registry()
    {
        await using var host = await StartAsync(new ConfigurationBuilder().Build());

        Assert.IsType<InMemoryPeeringRegistry>(host.Registry);
        Assert.Same(host.Registry, host.Engine.Services.GetRequiredService<IPeeringRegistry>());
    }

    [Fact]
    public async Task A_bad_registry_setting_stops_the_start_with_its_key_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Registry:Store", "Cosmos")]).Build();

        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => StartAsync(configuration));

        Assert.Contains("Registry:Store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_persistent_mode_records_go_to_tables_on_the_durable_storage_and_survive_a_restart()
    {
        var hub = AzuriteFixture.NewTableName("RegistryHub")[..30];
        var written = Records.Peering("peering-vpc-restart-vpc-b", RegistryStates.Requested);
        await using (var first = await StartAsync(new ConfigurationBuilder().Build(), hub))
        {
            Assert.IsType<TableStoragePeeringRegistry>(first.Registry);
            Assert.Same(first.Registry, first.Engine.Services.GetRequiredService<IPeeringRegistry>());
            await first.Engine.Services.GetRequiredService<IPeeringRegistry>().UpsertAsync(written);
        }

        await using var second = await StartAsync(new ConfigurationBuilder().Build(), hub);

        Records.AssertSame(written, await second.Registry.GetAsync(written.Id));
        using var http = new HttpClient { BaseAddress = second.BaseUrl };
        var health = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("api/health"))!;
        Assert.Equal($"in-process (Azure Storage, task hub {hub})", (string?)health["durable"]);
        Assert.StartsWith("Azure Table Storage (table ", (string?)health["registry"], StringComparison.Ordinal);
    }

    private Task<LocalPeeringHost> StartAsync(IConfiguration configuration, string? persistentHub = null) =>
        LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = configuration,
            Emulator = new EmulatorOptions(),
            DurableBackend = persistentHub is null
                ? DurableBackendOptions.InMemory
                : new DurableBackendOptions { Kind = DurableBackendKind.AzureStorage, StorageConnectionString = azurite.ConnectionString, TaskHubName = persistentHub },
        });
}
