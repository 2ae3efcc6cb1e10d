using PeeringFunctions.LocalHost.Durable;

namespace PeeringFunctions.FaultCampaign.Tests;

/// <summary>
/// A persistent host stopped before any worker connected used to take the whole process down: the backend's StopAsync
/// throws when it was never started, from a stop hook nothing catches. Stopped that way, the process must carry on.
/// </summary>
public sealed class AzureStorageStopTests
{
    [Fact]
    public async Task A_sidecar_on_azure_storage_stopped_before_any_worker_connects_stops_without_an_unhandled_exception()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var unhandled = new List<Exception>();
        UnhandledExceptionEventHandler record = (_, e) => unhandled.Add((Exception)e.ExceptionObject);
        AppDomain.CurrentDomain.UnhandledException += record;
        try
        {
            var sidecar = await AzureStorageBackend.StartSidecarAsync(
                new InProcessDurableEngineOptions(),
                new DurableBackendOptions { Kind = DurableBackendKind.AzureStorage, StorageConnectionString = azurite.ConnectionString, TaskHubName = "StopEarly" });

            await sidecar.DisposeAsync();
            // The stop hook runs on the thread pool: give it the moment it needs to fail, as it did before.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            AppDomain.CurrentDomain.UnhandledException -= record;
        }

        Assert.Empty(unhandled);
    }

    [Fact]
    public async Task The_stop_safe_backend_forwards_a_stop_only_after_a_start()
    {
        var backend = new StopSafeOrchestrationService(new DurableTask.AzureStorage.AzureStorageOrchestrationService(
            new DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = "NeverStarted",
                StorageAccountClientProvider = new DurableTask.AzureStorage.StorageAccountClientProvider("UseDevelopmentStorage=true"),
            }));

        // Never started: the inner backend's StopAsync would throw NullReferenceException here.
        Assert.Null(await Record.ExceptionAsync(backend.StopAsync));
        Assert.Null(await Record.ExceptionAsync(() => backend.StopAsync(isForced: true)));
    }
}
