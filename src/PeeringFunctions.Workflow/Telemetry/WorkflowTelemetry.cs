using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PeeringFunctions.Workflow.Telemetry;

/// <summary>
/// The workflow's metrics (OpenTelemetry subscribes by <see cref="Name"/>), recorded by activities when the registry
/// record they write shows a step was reached — never by orchestrator code, which replays. Tags are kinds and states,
/// never ids or names.
/// </summary>
public static class WorkflowTelemetry
{
    public const string Name = "PeeringFunctions.Workflow";

    public static class Tags
    {
        /// <summary>How the wait for the receiver ended: accepted, rejected or expired.</summary>
        public const string Decision = "peering.decision";

        public const string RepairKind = "repair.kind";

        /// <summary>The registry state a repair left: Active (all fixed), Drifted (findings remain) or PeerDeleted (cleanup).</summary>
        public const string RepairResult = "repair.result";
    }

    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Expired = "expired";

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> AcceptanceWait = Meter.CreateHistogram<double>(
        "peering.acceptance.wait", "s", "Time a peering request waited for the receiver's decision, by decision");

    private static readonly Histogram<double> TimeToActive = Meter.CreateHistogram<double>(
        "peering.time_to_active", "s", "Time from a peering's request on Tencent to its registry record being Active");

    private static readonly Counter<long> Repairs = Meter.CreateCounter<long>(
        "peering.repairs", "{repair}", "Repairs recorded, by kind and the state they left the peering in");

    internal static void DecisionReached(string decision, TimeSpan waited) =>
        AcceptanceWait.Record(Seconds(waited), new KeyValuePair<string, object?>(Tags.Decision, decision));

    internal static void BecameActive(TimeSpan sinceRequest) => TimeToActive.Record(Seconds(sinceRequest));

    internal static void RepairRecorded(string kind, string result) =>
        Repairs.Add(1, new TagList { { Tags.RepairKind, kind }, { Tags.RepairResult, result } });

    // A clock step backwards between two steps is not a negative wait.
    private static double Seconds(TimeSpan elapsed) => Math.Max(0, elapsed.TotalSeconds);
}
