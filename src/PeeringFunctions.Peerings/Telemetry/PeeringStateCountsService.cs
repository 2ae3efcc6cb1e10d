using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>
/// Refreshes <see cref="PeeringStateCounts"/> at start and every Telemetry:PeeringCountInterval. The counts (and the
/// registry under them) are resolved at the first tick, not when the host builds its hosted services: a registry
/// setting that is wrong must be reported by the start-up validation, naming its key, not by this service's constructor.
/// </summary>
public sealed class PeeringStateCountsService(
    IServiceProvider services,
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

    protected override Task TickAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<PeeringStateCounts>().RefreshAsync(cancellationToken);
}

/// <summary>The "Telemetry" section's setting for the peerings-by-state gauge.</summary>
public sealed class PeeringCountOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>How often the registry is read for the gauge: one list of the registry per interval.</summary>
    public TimeSpan PeeringCountInterval { get; set; } = TimeSpan.FromMinutes(1);
}
