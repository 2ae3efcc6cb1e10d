using System.Collections.Concurrent;

namespace PeeringFunctions.ChatOps.Verification;

/// <summary>
/// Remembers the signatures of accepted requests until their timestamp leaves the window, so the same signed bytes
/// are accepted once. In memory, per process: with several instances, a replay to another instance is still bounded
/// by the timestamp window.
/// </summary>
public sealed class ReplayGuard(TimeProvider time)
{
    private const int PruneThreshold = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private long lastPrune;

    /// <summary>True the first time <paramref name="key"/> is seen before <paramref name="forgetAfter"/>; false for a replay.</summary>
    public bool TryRemember(string key, DateTimeOffset forgetAfter)
    {
        var now = time.GetUtcNow();
        PruneIfDue(now);
        while (true)
        {
            if (seen.TryAdd(key, forgetAfter))
            {
                return true;
            }

            if (!seen.TryGetValue(key, out var expiry))
            {
                continue;
            }

            if (expiry > now)
            {
                return false;
            }

            if (seen.TryUpdate(key, forgetAfter, expiry))
            {
                return true;
            }
        }
    }

    /// <summary>Lets a request be delivered again, e.g. when handling it failed before anything changed.</summary>
    public void Forget(string key) => seen.TryRemove(key, out _);

    internal int Count => seen.Count;

    private void PruneIfDue(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref lastPrune);
        if (seen.Count < PruneThreshold && now.UtcTicks - last < TimeSpan.TicksPerMinute)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref lastPrune, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, expiry) in seen)
        {
            if (expiry <= now)
            {
                seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
            }
        }
    }
}
