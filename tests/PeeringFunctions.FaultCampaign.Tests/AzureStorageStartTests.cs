using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.Reliability.Support;

namespace PeeringFunctions.FaultCampaign.Tests;

/// <summary>
/// The persistent backend (Azure Storage on Azurite) keeps one instance per id under simultaneous starts, as the
/// use cases start them: with the live statuses as dedupe statuses.
/// </summary>
public sealed class AzureStorageStartTests
{
    [Fact]
    public async Task Twenty_simultaneous_starts_of_one_instance_id_on_azure_storage_start_it_once_and_it_completes()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var engine = await InProcessDurableEngine.StartAsync(new InProcessDurableEngineOptions
        {
            Backend = new DurableBackendOptions
            {
                Kind = DurableBackendKind.AzureStorage,
                StorageConnectionString = azurite.ConnectionString,
                TaskHubName = "StartRace",
            },
            RegisterTasks = registry =>
            {
                registry.AddActivityFunc<string, string>("Echo", (_, text) => text);
                registry.AddOrchestratorFunc<string, string>("EchoOnce", (context, text) => context.CallActivityAsync<string>("Echo", text));
            },
        });

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await engine.Client.ScheduleNewOrchestrationInstanceAsync("EchoOnce", $"start {i}", new StartOrchestrationOptions("one-id")
                    .WithDedupeStatuses(OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended));
                return true;
            }
            catch (Exception error) when (error.ToString().Contains("AlreadyExists", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await engine.Client.WaitForInstanceCompletionAsync("one-id", getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(1, attempts.Count(started => started));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(done.ReadInputAs<string>(), done.ReadOutputAs<string>());
    }
}
