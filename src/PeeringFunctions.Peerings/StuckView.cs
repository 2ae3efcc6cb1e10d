using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings;

/// <summary>
/// A peering's instance reported stuck (the stuck check's mark): which instance (the peering's own, its teardown,
/// repair or bandwidth change), in which step, since when, and when it was reported. Null while nothing is stuck.
/// </summary>
public sealed record StuckView(string InstanceId, string Step, DateTimeOffset Since, DateTimeOffset ReportedAt)
{
    /// <summary>The reported marks by the peering they belong to (the latest report when several instances of one are stuck).</summary>
    public static Dictionary<string, StuckView> ByPeering(IEnumerable<StuckMark> marks) =>
        marks.Where(m => m.ReportedAt is not null && PeeringInstanceIds.PeeringOfAny(m.InstanceId) is not null)
            .GroupBy(m => PeeringInstanceIds.PeeringOfAny(m.InstanceId)!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(m => m.ReportedAt).Select(m => new StuckView(m.InstanceId, m.Step, m.Since, m.ReportedAt!.Value)).First(),
                StringComparer.Ordinal);
}
