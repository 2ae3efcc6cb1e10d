using Microsoft.Extensions.Hosting;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// A host lifetime that ignores Ctrl+C and SIGTERM. The sidecar and the worker are inner hosts: the outer host (or the
/// test) decides when they stop, in the right order — worker before sidecar — instead of each racing to shut down.
/// </summary>
internal sealed class NoConsoleLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
