namespace PeeringFunctions.TencentCloud.Tests.Support;

/// <summary>
/// A clock stopped at one instant whose local zone is UTC+8, so any code that used local time instead of UTC
/// would produce the wrong signing date. Timers stay real (the base class) so timeouts still fire.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    private static readonly TimeZoneInfo ChinaStandardTime =
        TimeZoneInfo.CreateCustomTimeZone("Test/UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    public static FixedTimeProvider AtUnixSeconds(long seconds) => new(DateTimeOffset.FromUnixTimeSeconds(seconds));

    public override DateTimeOffset GetUtcNow() => utcNow;

    public override TimeZoneInfo LocalTimeZone => ChinaStandardTime;
}
