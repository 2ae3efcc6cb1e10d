using System.Threading.RateLimiting;

namespace TencentVpcEmulator.Control;

/// <summary>
/// Per-account, per-action request rate limits (spec §6), off unless enabled. A 1-second sliding window in
/// 10 segments from System.Threading.RateLimiting; it runs on real time, not the emulator clock, so advancing
/// the clock cannot starve or flood it.
/// </summary>
internal sealed class RateLimitGate : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _overrides = new(StringComparer.Ordinal);
    private PartitionedRateLimiter<(string Account, string Action, int Limit)> _limiter = CreateLimiter();

    public RateLimitGate(bool enabled) => Enabled = enabled;

    public bool Enabled { get; private set; }

    public void Configure(bool enabled, IReadOnlyDictionary<string, int>? perSecond)
    {
        lock (_gate)
        {
            Enabled = enabled;
            _overrides.Clear();
            foreach (var (action, limit) in perSecond ?? new Dictionary<string, int>())
            {
                _overrides[action] = limit;
            }

            // Fresh windows, so a test that turns limits on starts from a clean slate.
            _limiter.Dispose();
            _limiter = CreateLimiter();
        }
    }

    public int LimitFor(string action, int defaultPerSecond)
    {
        lock (_gate)
        {
            return _overrides.TryGetValue(action, out var limit) ? limit
                : _overrides.TryGetValue(LatencyTable.AnyAction, out var any) ? any
                : defaultPerSecond;
        }
    }

    public IReadOnlyDictionary<string, int> Overrides()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_overrides, StringComparer.Ordinal);
        }
    }

    /// <summary>True when the call may proceed.</summary>
    public bool TryEnter(string account, string action, int defaultPerSecond)
    {
        PartitionedRateLimiter<(string, string, int)> limiter;
        lock (_gate)
        {
            if (!Enabled)
            {
                return true;
            }

            limiter = _limiter;
        }

        var limit = LimitFor(action, defaultPerSecond);
        try
        {
            using var lease = limiter.AttemptAcquire((account, action, limit));
            return lease.IsAcquired;
        }
        catch (ObjectDisposedException)
        {
            // Reconfigured concurrently; let this one call through.
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _limiter.Dispose();
        }
    }

    private static PartitionedRateLimiter<(string Account, string Action, int Limit)> CreateLimiter() =>
        PartitionedRateLimiter.Create<(string Account, string Action, int Limit), (string, string, int)>(key =>
            // RateLimitPartition.GetSlidingWindowLimiter turns AutoReplenishment off and leaves replenishing to the
            // partitioned limiter's coarse timer, which let only about half the configured rate through; a limiter
            // that replenishes its own segments keeps to Tencent's documented rate.
            RateLimitPartition.Get(key, k => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, k.Item3),
                Window = TimeSpan.FromSeconds(1),
                SegmentsPerWindow = 10,
                QueueLimit = 0,
                AutoReplenishment = true,
            })));
}
