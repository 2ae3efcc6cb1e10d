using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.TencentAccess.RateLimiting;

/// <summary>
/// The client-side rate limits of every Tencent call made through <see cref="TencentClientFactory"/>: one
/// <see cref="AdaptiveRateLimiter"/> per (account, action), created on first use from <see cref="TencentRateLimitOptions"/>.
/// A singleton: every activity's client in the process shares it.
/// </summary>
public sealed class TencentRateLimiter(IOptionsMonitor<TencentRateLimitOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<(string Account, string Action), AdaptiveRateLimiter> limiters = new();
    private long admitted;
    private long delayed;
    private long waitTicks;
    private long refused;
    private long throttled;
    private long resent;

    public TencentRateLimitOptions Settings => options.CurrentValue;

    public bool Enabled => options.CurrentValue.Enabled;

    public TimeProvider Time => timeProvider;

    /// <summary>The limiter of <paramref name="action"/> for <paramref name="account"/> (a UIN or alias: whatever Tencent counts by).</summary>
    public AdaptiveRateLimiter For(string account, string action) =>
        limiters.GetOrAdd((account, action), (key, settings) => Create(settings, key.Action), options.CurrentValue);

    /// <summary>Counters since start: what the limits cost and how often Tencent still throttled.</summary>
    public TencentRateLimitStatistics Statistics()
    {
        var rates = limiters.Select(kv => (kv.Key, Rate: kv.Value.CurrentPermitsPerSecond, Configured: options.CurrentValue.ClientRateOf(kv.Key.Action))).ToList();
        return new TencentRateLimitStatistics(
            Interlocked.Read(ref admitted),
            Interlocked.Read(ref delayed),
            TimeSpan.FromTicks(Interlocked.Read(ref waitTicks)),
            Interlocked.Read(ref refused),
            Interlocked.Read(ref throttled),
            Interlocked.Read(ref resent),
            limiters.Values.Sum(l => l.RateCuts),
            rates.Count(r => r.Rate < r.Configured - 1e-9));
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }

        limiters.Clear();
    }

    internal void CountAdmitted(TimeSpan waited)
    {
        Interlocked.Increment(ref admitted);
        if (waited > TimeSpan.FromMilliseconds(1))
        {
            Interlocked.Increment(ref delayed);
            Interlocked.Add(ref waitTicks, waited.Ticks);
        }
    }

    internal void CountRefused() => Interlocked.Increment(ref refused);

    internal void CountThrottled() => Interlocked.Increment(ref throttled);

    internal void CountResent() => Interlocked.Increment(ref resent);

    // With the same clock as the handler's, so a fake clock in tests moves both.
    private AdaptiveRateLimiter Create(TencentRateLimitOptions settings, string action)
    {
        var rate = settings.ClientRateOf(action);
        return new AdaptiveRateLimiter(new AdaptiveRateLimiterOptions(
            rate,
            Math.Max(1, settings.Burst),
            settings.MaxWait,
            settings.ThrottledRateFactor,
            rate * Math.Clamp(settings.MinimumRateFraction, 0.01, 1.0),
            rate / Math.Max(0.001, settings.RecoveryTime.TotalSeconds),
            settings.CutInterval),
            timeProvider);
    }
}

/// <param name="Admitted">Calls let through (each re-send counts again).</param>
/// <param name="Delayed">Calls that had to wait for their slot.</param>
/// <param name="TotalWait">The waiting, summed over calls.</param>
/// <param name="Refused">Calls not sent because their slot was further away than MaxWait (they failed as RequestLimitExceeded).</param>
/// <param name="ThrottledResponses">RequestLimitExceeded answers Tencent still gave.</param>
/// <param name="Resent">Throttled calls sent again in process.</param>
/// <param name="RateCuts">How often a throttled answer cut an (account, action)'s rate.</param>
/// <param name="LimitersBelowConfiguredRate">(account, action) limiters still recovering from a cut.</param>
public sealed record TencentRateLimitStatistics(
    long Admitted,
    long Delayed,
    TimeSpan TotalWait,
    long Refused,
    long ThrottledResponses,
    long Resent,
    long RateCuts,
    int LimitersBelowConfiguredRate);
