using DurableTask.AzureStorage;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// The Azure Storage backend, stopped only once it has started. The sidecar stops its backend from an
/// ApplicationStopping hook whose exceptions nothing catches, and the backend's StopAsync throws a
/// NullReferenceException when it was never started (no worker connected yet): a host stopped within moments of its
/// start took the whole process down with it (seen in the restart tests).
/// </summary>
public sealed class StopSafeOrchestrationService(AzureStorageOrchestrationService inner)
    : ForwardingOrchestrationService<AzureStorageOrchestrationService>(inner)
{
    private int started;

    public override async Task StartAsync()
    {
        await Inner.StartAsync();
        Volatile.Write(ref started, 1);
    }

    public override Task StopAsync() => StopAsync(isForced: false);

    public override Task StopAsync(bool isForced) =>
        Interlocked.Exchange(ref started, 0) == 1 ? Inner.StopAsync(isForced) : Task.CompletedTask;
}
