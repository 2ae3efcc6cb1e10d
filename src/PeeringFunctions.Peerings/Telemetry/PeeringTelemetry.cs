using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>
/// The use cases' and the watcher's telemetry (OpenTelemetry subscribes by <see cref="Name"/>): a root span for each
/// tick of a local periodic timer (so a tick's Tencent calls and the orchestrations it starts share one trace, as a
/// Functions timer trigger's invocation span does in Azure), drift findings by kind, and the peerings by state
/// (<see cref="PeeringStateCounts"/>).
/// </summary>
public static class PeeringTelemetry
{
    public const string Name = "PeeringFunctions.Peerings";

    public static class Tags
    {
        public const string State = "peering.state";
        public const string DriftKind = "drift.kind";
    }

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> DriftFindings = Meter.CreateCounter<long>(
        "peering.drift.findings", "{finding}", "New drift findings the watcher recorded, by kind");

    /// <summary>
    /// The root span of one tick (e.g. "Drift check"), or null when nobody listens. A root even when the timer started
    /// inside a span (a hosted service inherits its host's start context), since a tick belongs to no request.
    /// </summary>
    public static Activity? StartTick(string work)
    {
        var outer = Activity.Current;
        Activity.Current = null;
        var tick = Source.StartActivity(work, ActivityKind.Internal);
        if (tick is null)
        {
            Activity.Current = outer;
        }

        return tick;
    }

    internal static void DriftFound(string kind) => DriftFindings.Add(1, new KeyValuePair<string, object?>(Tags.DriftKind, kind));
}
