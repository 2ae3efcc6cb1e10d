namespace PeeringFunctions.ChatOps.Verification;

internal static class TimestampWindow
{
    /// <summary>True when |now − timestamp| ≤ window (both edges inclusive).</summary>
    public static bool Contains(TimeProvider time, DateTimeOffset timestamp, TimeSpan window) =>
        (time.GetUtcNow() - timestamp).Duration() <= window;

    public static bool TryParseUnixSeconds(string? text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (text is not { Length: > 0 and <= 12 } || !long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        try
        {
            timestamp = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
