using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Stuck;

/// <summary>The same tick as the Functions timer trigger (CheckStuckInstances), every StuckCheck:Interval.</summary>
public sealed class StuckCheckService(
    StuckInstanceCheck check,
    DurableTaskClient durable,
    IOptions<StuckCheckOptions> options,
    TimeProvider timeProvider,
    ILogger<StuckCheckService> logger) : PeriodicTickService(timeProvider, logger)
{
    protected override string WorkName => "Stuck check";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task TickAsync(CancellationToken cancellationToken) => check.CheckAsync(durable, cancellationToken);
}
