using System.Diagnostics.Metrics;
using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>
/// The gauge <c>peerings</c>: how many registry records are in each state, as of the last <see cref="RefreshAsync"/>.
/// The registry is read by the refresh (<see cref="PeeringStateCountsService"/> runs it on an interval), never by the
/// gauge's callback, which an exporter calls on its own thread and must be cheap. A state that had records and has none
/// now reports 0, so a chart falls to zero instead of keeping the last value.
/// </summary>
public sealed class PeeringStateCounts : IDisposable
{
    private readonly IPeeringRegistry registry;
    // Its own Meter (same name), so that a host that stops takes its gauge with it: a second host in the same process
    // (tests) must not report the first one's counts.
    private readonly Meter meter = new(PeeringTelemetry.Name);
    private volatile IReadOnlyDictionary<string, long> counts = new Dictionary<string, long>(StringComparer.Ordinal);

    public PeeringStateCounts(IPeeringRegistry registry)
    {
        this.registry = registry;
        meter.CreateObservableGauge("peerings", Observe, "{peering}", "Peerings in the registry, by state");
    }

    /// <summary>The counts the gauge reports now.</summary>
    public IReadOnlyDictionary<string, long> Current => counts;

    /// <summary>Reads every record and counts them by state; the gauge reports these from now on.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var fresh = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var record in registry.ListAsync(cancellationToken))
        {
            fresh[record.State] = fresh.GetValueOrDefault(record.State) + 1;
        }

        foreach (var state in counts.Keys.Where(s => !fresh.ContainsKey(s)))
        {
            fresh[state] = 0;
        }

        counts = fresh;
    }

    public void Dispose() => meter.Dispose();

    private IEnumerable<Measurement<long>> Observe() =>
        counts.Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>(PeeringTelemetry.Tags.State, c.Key)));
}
