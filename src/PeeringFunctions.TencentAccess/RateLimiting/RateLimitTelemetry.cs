using System.Diagnostics;
using System.Diagnostics.Metrics;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentAccess.RateLimiting;

/// <summary>
/// The rate limiter's metrics (OpenTelemetry subscribes by <see cref="Name"/>): how long calls wait for their turn on
/// our side, and how many were throttled — by Tencent (RequestLimitExceeded answered) or by us (refused before sending).
/// </summary>
public static class RateLimitTelemetry
{
    public const string Name = "PeeringFunctions.TencentAccess";

    /// <summary>Values of <see cref="ThrottledBy"/>.</summary>
    public const string ByTencent = "tencent";

    public const string ByClient = "client";

    /// <summary>Tag: who throttled the call.</summary>
    public const string ThrottledBy = "tencent.throttled_by";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "tencent.throttled", "{call}", "Tencent calls throttled, by action and by whom (Tencent's answer or our own limiter)");

    private static readonly Histogram<double> Wait = Meter.CreateHistogram<double>(
        "tencent.client_wait", "ms", "Time a Tencent call waited for its rate-limit slot before it was sent");

    internal static void Waited(string action, TimeSpan waited) =>
        Wait.Record(waited.TotalMilliseconds, new KeyValuePair<string, object?>(TencentTelemetry.Tags.Action, action));

    internal static void ThrottledCall(string action, string by) =>
        Throttled.Add(1, new TagList { { TencentTelemetry.Tags.Action, action }, { ThrottledBy, by } });
}
