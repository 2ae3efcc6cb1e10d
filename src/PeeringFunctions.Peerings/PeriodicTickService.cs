using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Peerings;

/// <summary>
/// A Functions timer trigger's tick on a periodic timer, for hosts without timer triggers (the local host): off when
/// not enabled; a tick that fails is logged and the next one tries again, because a timer that stopped for good would
/// leave its work (acceptances made elsewhere, drift) unnoticed.
/// </summary>
public abstract class PeriodicTickService(TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    /// <summary>What a failed tick's log line calls the work, e.g. "Drift check".</summary>
    protected abstract string WorkName { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task TickAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("{Work} failed: {Error}", WorkName, error.Message);
            }
        }
    }
}
