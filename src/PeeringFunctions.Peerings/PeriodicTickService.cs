using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Peerings.Telemetry;

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

    /// <summary>Whether the first tick runs at start rather than one interval later.</summary>
    protected virtual bool TickAtStart => false;

    /// <summary>
    /// Whether each tick is a trace of its own (a root span named <see cref="WorkName"/>), as a timer trigger's invocation
    /// is in Azure: the tick's Tencent calls and the orchestrations it starts then share its trace.
    /// </summary>
    protected virtual bool Traced => true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        if (TickAtStart)
        {
            await TickOnceAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickOnceAsync(stoppingToken);
        }
    }

    private async Task TickOnceAsync(CancellationToken stoppingToken)
    {
        using var span = Traced ? PeeringTelemetry.StartTick(WorkName) : null;
        try
        {
            await TickAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.GetType().Name);
            logger.LogWarning("{Work} failed: {Error}", WorkName, error.Message);
        }
    }
}
