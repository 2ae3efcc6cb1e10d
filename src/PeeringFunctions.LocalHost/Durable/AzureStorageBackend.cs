using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// The persistent backend of <see cref="DurableSidecar"/>: the same public <see cref="TaskHubGrpcServer"/>, over the
/// Durable Task Framework's <see cref="AzureStorageOrchestrationService"/> (Azurite locally) instead of the in-memory
/// backend. History, instances and pending messages live in storage, so a host killed at any point picks its
/// orchestrations up again when it restarts on the same task hub.
/// </summary>
/// <remarks>
/// Wrapped only so that a stop before any start is harmless (<see cref="StopSafeOrchestrationService"/>); its
/// concurrency limits come from its own settings. Creating the task hub's queues, tables and containers is
/// idempotent and happens before the server starts.
/// </remarks>
public static class AzureStorageBackend
{
    /// <summary>Starts the sidecar over the task hub <paramref name="backend"/> names, creating it first if needed.</summary>
    public static Task<DurableSidecar> StartSidecarAsync(
        InProcessDurableEngineOptions options, DurableBackendOptions backend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        return DurableSidecar.StartAsync(
            options,
            services => new StopSafeOrchestrationService(
                new AzureStorageOrchestrationService(Settings(options, backend, services.GetRequiredService<ILoggerFactory>()))),
            // Fails fast (and names the hub) when storage cannot be reached, instead of a worker that never gets work.
            (service, ct) => CreateTaskHubAsync(service, backend, ct),
            cancellationToken);
    }

    private static AzureStorageOrchestrationServiceSettings Settings(
        InProcessDurableEngineOptions options, DurableBackendOptions backend, ILoggerFactory loggerFactory) => new()
    {
        TaskHubName = backend.TaskHubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(backend.StorageConnectionString),
        PartitionCount = backend.PartitionCount,
        MaxQueuePollingInterval = backend.PollingInterval,
        ControlQueueVisibilityTimeout = backend.VisibilityTimeout,
        WorkItemQueueVisibilityTimeout = backend.VisibilityTimeout,
        MaxConcurrentTaskOrchestrationWorkItems = Math.Max(1, options.MaxConcurrentOrchestrations),
        MaxConcurrentTaskActivityWorkItems = Math.Max(1, options.MaxConcurrentActivities),
        LoggerFactory = loggerFactory,
    };

    private static async Task CreateTaskHubAsync(StopSafeOrchestrationService service, DurableBackendOptions backend, CancellationToken cancellationToken)
    {
        try
        {
            await service.CreateIfNotExistsAsync().WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new Hosting.LocalHostConfigurationException(
                $"The Durable task hub '{backend.TaskHubName}' could not be created in Azure Storage ({error.GetType().Name}). " +
                "Is Azurite running (scripts/azurite.sh start) and Durable:StorageConnectionString right?");
        }
    }
}
