using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Acceptance;

/// <summary>The same poll as the Functions timer trigger, on a periodic timer, for hosts without a timer trigger.</summary>
public sealed class AcceptancePollingService(
    AcceptancePoller poller,
    DurableTaskClient durable,
    IOptions<AcceptancePollingOptions> options,
    TimeProvider timeProvider,
    ILogger<AcceptancePollingService> logger) : BackgroundService
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
                await poller.PollAsync(durable, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The next tick tries again; a poller that stops for good would strand console acceptances.
                logger.LogWarning("Acceptance poll failed: {Error}", error.Message);
            }
        }
    }
}
