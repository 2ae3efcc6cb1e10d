using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>Refreshes <see cref="PeeringStateCounts"/> at start and every Telemetry:PeeringCountInterval.</summary>
public sealed class PeeringStateCountsService(
    PeeringStateCounts counts,
    IOptions<PeeringCountOptions> options,
    TimeProvider timeProvider,
    ILogger<PeeringStateCountsService> logger) : PeriodicTickService(timeProvider, logger)
{
    protected override string WorkName => "Peering count";

    protected override bool Enabled => true;

    protected override TimeSpan Interval => options.Value.PeeringCountInterval;

    protected override bool TickAtStart => true;

    // A registry read a minute is not worth a trace of its own.
    protected override bool Traced => false;

    protected override Task TickAsync(CancellationToken cancellationToken) => counts.RefreshAsync(cancellationToken);
}

/// <summary>The "Telemetry" section's setting for the peerings-by-state gauge.</summary>
public sealed class PeeringCountOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>How often the registry is read for the gauge: one list of the registry per interval.</summary>
    public TimeSpan PeeringCountInterval { get; set; } = TimeSpan.FromMinutes(1);
}
