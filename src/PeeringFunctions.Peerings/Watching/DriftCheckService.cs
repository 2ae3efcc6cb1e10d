using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>The same tick as the Functions timer trigger (CheckDrift), every DriftCheck:Interval.</summary>
public sealed class DriftCheckService(
    DriftWatcher watcher,
    DurableTaskClient durable,
    IOptions<DriftCheckOptions> options,
    TimeProvider timeProvider,
    ILogger<DriftCheckService> logger) : PeriodicTickService(timeProvider, logger)
{
    protected override string WorkName => "Drift check";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task TickAsync(CancellationToken cancellationToken) => watcher.CheckAsync(durable, cancellationToken);
}
