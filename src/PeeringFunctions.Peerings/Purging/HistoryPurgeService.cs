using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Purging;

/// <summary>The same tick as the Functions timer trigger (PurgeHistory), every Purge:Interval.</summary>
public sealed class HistoryPurgeService(
    HistoryPurger purger,
    DurableTaskClient durable,
    IOptions<PurgeOptions> options,
    TimeProvider timeProvider,
    ILogger<HistoryPurgeService> logger) : PeriodicTickService(timeProvider, logger)
{
    protected override string WorkName => "History purge";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task TickAsync(CancellationToken cancellationToken) => purger.PurgeAsync(durable, cancellationToken);
}
