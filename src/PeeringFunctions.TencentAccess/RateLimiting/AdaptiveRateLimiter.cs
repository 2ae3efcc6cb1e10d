using System.Threading.RateLimiting;

namespace PeeringFunctions.TencentAccess.RateLimiting;

/// <summary>How one <see cref="AdaptiveRateLimiter"/> behaves.</summary>
/// <param name="PermitsPerSecond">The configured (highest) rate.</param>
/// <param name="Burst">Permits available at once after an idle period; 1 spaces every permit evenly.</param>
/// <param name="MaximumWait">A permit further away than this is refused instead of awaited.</param>
/// <param name="ThrottledRateFactor">Multiplies the rate when the server still throttles (0.5 halves it).</param>
/// <param name="MinimumPermitsPerSecond">The floor the rate never goes below.</param>
/// <param name="RecoveryPerSecond">How many permits/s the rate regains per second until it is back at <paramref name="PermitsPerSecond"/>.</param>
/// <param name="CutInterval">
/// After a cut, throttled answers to requests sent within this interval do not cut again: the server's window still
/// counts what was sent before the cut (Tencent's window is one second).
/// </param>
public sealed record AdaptiveRateLimiterOptions(
    double PermitsPerSecond,
    int Burst,
    TimeSpan MaximumWait,
    double ThrottledRateFactor,
    double MinimumPermitsPerSecond,
    double RecoveryPerSecond,
    TimeSpan CutInterval = default);

/// <summary>
/// A <see cref="RateLimiter"/> that hands out permits evenly spaced at a rate (the generic cell rate algorithm in
/// its reservation form: each acquirer is given the next free slot and waits until then, oldest first), and whose
/// rate adapts: <see cref="OnThrottled"/> cuts it when the server still answers "too many requests", and it climbs
/// back linearly with time (additive increase, multiplicative decrease).
/// </summary>
/// <remarks>
/// Why not the stock token bucket or windows: Tencent counts requests per one-second window. A sliding or fixed
/// window on our side can, with its phase shifted against Tencent's, put two full windows' worth into one of
/// Tencent's; a token bucket avoids that only with a coarse refill period that costs a large share of the rate.
/// Even spacing at 90 % of the limit keeps any one-second span under the limit whatever the phase.
/// </remarks>
public sealed class AdaptiveRateLimiter : RateLimiter
{
    private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

    private readonly Lock gate = new();
    private readonly AdaptiveRateLimiterOptions options;
    private readonly TimeProvider time;
    private readonly long origin;
    private double rate;
    private double theoreticalArrival;
    private double lastRecovery;
    private double lastDecrease = double.NegativeInfinity;
    private double lastSend = double.NegativeInfinity;
    private long successfulLeases;
    private long failedLeases;
    private long waiting;
    private int throttles;
    private bool disposed;

    public AdaptiveRateLimiter(AdaptiveRateLimiterOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.PermitsPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Burst, 1);
        this.options = options with
        {
            MinimumPermitsPerSecond = Math.Clamp(options.MinimumPermitsPerSecond, double.Epsilon, options.PermitsPerSecond),
            ThrottledRateFactor = Math.Clamp(options.ThrottledRateFactor, 0.01, 1.0),
        };
        time = timeProvider ?? TimeProvider.System;
        origin = time.GetTimestamp();
        rate = options.PermitsPerSecond;
        lastRecovery = Now;
        theoreticalArrival = lastRecovery;
    }

    /// <summary>The rate permits are spaced at now (permits/s).</summary>
    public double CurrentPermitsPerSecond
    {
        get
        {
            lock (gate)
            {
                Recover(Now);
                return rate;
            }
        }
    }

    /// <summary>How often <see cref="OnThrottled"/> cut the rate.</summary>
    public int RateCuts => Volatile.Read(ref throttles);

    /// <summary>A timestamp of <see cref="TimeProvider.GetTimestamp"/>: when a request was sent, for <see cref="OnThrottled"/>.</summary>
    public long Timestamp() => time.GetTimestamp();

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = Now;
                return waiting > 0 || theoreticalArrival > now ? null : TimeSpan.FromSeconds(now - theoreticalArrival);
            }
        }
    }

    /// <summary>
    /// The server answered a request sent at <paramref name="sentAt"/> with "too many requests": cut the rate and
    /// push the next slot back. Requests sent before the previous cut, or within <see cref="AdaptiveRateLimiterOptions.CutInterval"/>
    /// after it (while the server's window still holds what was sent at the old rate), do not cut it again.
    /// </summary>
    /// <returns>True when this report cut the rate.</returns>
    public bool OnThrottled(long sentAt)
    {
        lock (gate)
        {
            var now = Now;
            if (ToSeconds(sentAt) < lastDecrease + options.CutInterval.TotalSeconds)
            {
                return false;
            }

            Recover(now);
            rate = Math.Max(options.MinimumPermitsPerSecond, rate * options.ThrottledRateFactor);
            lastDecrease = now;
            theoreticalArrival = Math.Max(theoreticalArrival, now) + (1.0 / rate);
            throttles++;
            return true;
        }
    }

    /// <summary>
    /// Waits, if need be, until one interval at the current rate has passed since the previous request left, and
    /// records this one as leaving now. Slots are spaced evenly when they are handed out, but on a busy machine a
    /// waiter can wake late and the next one on time, and two requests then leave closer together than the server's
    /// window allows; this spaces the departures themselves. Burst permits (<see cref="AdaptiveRateLimiterOptions.Burst"/>
    /// above 1) are left alone.
    /// </summary>
    public async ValueTask SpaceDepartureAsync(CancellationToken cancellationToken)
    {
        if (options.Burst > 1)
        {
            return;
        }

        while (true)
        {
            double wait;
            lock (gate)
            {
                var now = Now;
                Recover(now);
                wait = lastSend + (1.0 / rate) - now;
                if (wait <= 0)
                {
                    lastSend = now;
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(wait), time, cancellationToken).ConfigureAwait(false);
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            var now = Now;
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = AvailableAt(now),
                CurrentQueuedCount = waiting,
                TotalSuccessfulLeases = successfulLeases,
                TotalFailedLeases = failedLeases,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            ThrowIfDisposed();
            var now = Now;
            Recover(now);
            if (permitCount == 0)
            {
                return AvailableAt(now) > 0 ? Lease.Acquired : Refuse(SlotFor(now) - now);
            }

            var slot = SlotFor(now);
            if (slot > now)
            {
                return Refuse(slot - now);
            }

            Reserve(now, permitCount);
            successfulLeases++;
            return Lease.Acquired;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        double wait;
        lock (gate)
        {
            ThrowIfDisposed();
            var now = Now;
            Recover(now);
            var slot = SlotFor(now);
            wait = slot - now;
            if (permitCount == 0)
            {
                return wait <= 0 ? Lease.Acquired : Refuse(wait);
            }

            if (wait > options.MaximumWait.TotalSeconds)
            {
                return Refuse(wait);
            }

            // The slot is ours from now on, even if the caller gives up waiting: that only makes us slower, never faster.
            Reserve(now, permitCount);
            successfulLeases++;
            if (wait > 0)
            {
                waiting++;
            }
        }

        if (wait <= 0)
        {
            return Lease.Acquired;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(wait), time, cancellationToken).ConfigureAwait(false);
            return Lease.Acquired;
        }
        finally
        {
            lock (gate)
            {
                waiting--;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (gate)
        {
            disposed = true;
        }

        base.Dispose(disposing);
    }

    private double Now => ToSeconds(time.GetTimestamp());

    /// <summary>Seconds since this limiter was made (small numbers keep a double's full precision).</summary>
    private double ToSeconds(long timestamp) => (timestamp - origin) / (double)time.TimestampFrequency;

    /// <summary>The earliest time a permit may start: the next slot, less the burst tolerance.</summary>
    private double SlotFor(double now) => Math.Max(now, theoreticalArrival - ((options.Burst - 1) / rate));

    private void Reserve(double now, int permitCount) =>
        theoreticalArrival = Math.Max(theoreticalArrival, now) + (permitCount / rate);

    private int AvailableAt(double now)
    {
        var ahead = Math.Max(0, theoreticalArrival - now) * rate;
        return Math.Max(0, options.Burst - (int)Math.Ceiling(ahead));
    }

    private void Recover(double now)
    {
        if (rate < options.PermitsPerSecond)
        {
            rate = Math.Min(options.PermitsPerSecond, rate + (options.RecoveryPerSecond * Math.Max(0, now - lastRecovery)));
        }

        lastRecovery = now;
    }

    private Lease Refuse(double waitSeconds)
    {
        failedLeases++;
        return new Lease(false, TimeSpan.FromSeconds(Math.Max(0, waitSeconds)));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : RetryAfterOnly;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = after;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
