using System.Globalization;
using System.Net;

namespace PeeringFunctions.Portal.Html;

/// <summary>Encoding and formatting for the pages. Everything that did not come from our own literals goes through <see cref="E"/>.</summary>
internal static class HtmlText
{
    /// <summary>HTML-encodes text for element content and quoted attribute values (&lt; &gt; &amp; " ' are escaped).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string E(object? value) => E(Convert.ToString(value, CultureInfo.InvariantCulture));

    /// <summary>A query-string value.</summary>
    public static string Q(string text) => Uri.EscapeDataString(text);

    /// <summary>A UTC time as a &lt;time&gt; element: "2026-11-25 10:01:02 UTC".</summary>
    public static string Time(DateTimeOffset? at, string format = "yyyy-MM-dd HH:mm:ss")
    {
        if (at is not { } value)
        {
            return "";
        }

        var utc = value.ToUniversalTime();
        return $"<time datetime=\"{utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\">{utc.ToString(format, CultureInfo.InvariantCulture)} UTC</time>";
    }

    public static string Time(DateTime? at, string format = "yyyy-MM-dd HH:mm:ss") =>
        at is { } value ? Time(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)), format) : "";

    /// <summary>"in 2 h 5 min", "in 40 s", "passed".</summary>
    public static string Remaining(TimeSpan left)
    {
        if (left <= TimeSpan.Zero)
        {
            return "passed";
        }

        if (left.TotalDays >= 1)
        {
            return $"in {(int)left.TotalDays} d {left.Hours} h";
        }

        if (left.TotalHours >= 1)
        {
            return $"in {(int)left.TotalHours} h {left.Minutes} min";
        }

        return left.TotalMinutes >= 1 ? $"in {(int)left.TotalMinutes} min" : $"in {left.Seconds} s";
    }
}
