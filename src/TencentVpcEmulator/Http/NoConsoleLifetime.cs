using Microsoft.Extensions.Hosting;

namespace TencentVpcEmulator.Http;

/// <summary>When embedded in tests or another host, the emulator must not grab Ctrl+C / SIGTERM from the process.</summary>
internal sealed class NoConsoleLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
