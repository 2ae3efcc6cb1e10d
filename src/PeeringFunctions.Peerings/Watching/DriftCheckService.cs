using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>The same tick as the Functions timer trigger, on a periodic timer, for hosts without a timer trigger.</summary>
public sealed class DriftCheckService(
    DriftWatcher watcher,
    DurableTaskClient durable,
    IOptions<DriftCheckOptions> options,
    TimeProvider timeProvider,
    ILogger<DriftCheckService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await watcher.CheckAsync(durable, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The next tick tries again; a watcher that stops for good would leave drift unnoticed.
                logger.LogWarning("Drift check failed: {Error}", error.Message);
            }
        }
    }
}
