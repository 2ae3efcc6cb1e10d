using OpenTelemetry.Metrics;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>Reading an exported metric's points by tag.</summary>
public static class MetricPoints
{
    public static string? Tag(this MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    /// <summary>The points whose tag <paramref name="key"/> is <paramref name="value"/>.</summary>
    public static IEnumerable<MetricPoint> Where(this MetricSnapshot metric, string key, string value) =>
        metric.MetricPoints.Where(p => p.Tag(key) == value);

    public static IEnumerable<(string Key, string Value)> TagsOf(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return (tag.Key, tag.Value?.ToString() ?? "");
        }
    }
}
