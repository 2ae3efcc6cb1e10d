using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentAccess.Tests.Support;

namespace PeeringFunctions.TencentAccess.Tests.RateLimiting;

public sealed class AdaptiveRateLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Permits_are_spaced_evenly_at_the_rate()
    {
        using var limiter = Limiter(perSecond: 10);

        using var first = limiter.AttemptAcquire();
        using var second = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(100, retryAfter.TotalMilliseconds, precision: 3);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        using var third = limiter.AttemptAcquire();
        Assert.True(third.IsAcquired);
    }

    [Fact]
    public async Task An_acquirer_waits_for_its_slot_oldest_first()
    {
        using var limiter = Limiter(perSecond: 10);
        var first = limiter.AcquireAsync().AsTask();
        var second = limiter.AcquireAsync().AsTask();
        var third = limiter.AcquireAsync().AsTask();

        Assert.True((await first).IsAcquired);
        Assert.False(second.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True((await second).IsAcquired);
        Assert.False(third.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True((await third).IsAcquired);
    }

    [Fact]
    public async Task Requests_whose_waits_end_late_together_still_leave_one_interval_apart()
    {
        using var limiter = Limiter(perSecond: 10);
        var first = limiter.AcquireAsync().AsTask();
        var second = limiter.AcquireAsync().AsTask();
        var third = limiter.AcquireAsync().AsTask();

        // A busy machine: nobody ran for half a second, and all three waits are over at once.
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True((await first).IsAcquired && (await second).IsAcquired && (await third).IsAcquired);

        var leaving = new[] { limiter.SpaceDepartureAsync(default).AsTask(), limiter.SpaceDepartureAsync(default).AsTask(), limiter.SpaceDepartureAsync(default).AsTask() };
        Assert.Equal(1, leaving.Count(t => t.IsCompleted));

        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(1, leaving.Count(t => t.IsCompleted));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await WhenCountCompleted(leaving, 2);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await Task.WhenAll(leaving);
    }

    [Fact]
    public async Task Departures_already_an_interval_apart_do_not_wait()
    {
        using var limiter = Limiter(perSecond: 10);

        await limiter.SpaceDepartureAsync(default);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var next = limiter.SpaceDepartureAsync(default).AsTask();

        Assert.True(next.IsCompleted);
    }

    [Fact]
    public void No_one_second_span_ever_gets_more_than_the_rate_plus_the_burst()
    {
        using var limiter = Limiter(perSecond: 18, burst: 1);
        var admitted = new List<int>();

        // Ask as often as possible, every millisecond, for 6 s.
        for (var millisecond = 0; millisecond < 6000; millisecond++)
        {
            while (true)
            {
                using var lease = limiter.AttemptAcquire();
                if (!lease.IsAcquired)
                {
                    break;
                }

                admitted.Add(millisecond);
            }

            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var busiest = admitted.Max(t => admitted.Count(u => u >= t && u < t + 1000));
        Assert.InRange(busiest, 18, 19); // Tencent's 20 per second is never reached, whatever the phase of its window
        Assert.InRange(admitted.Count, 6 * 18, (6 * 18) + 1);
    }

    [Fact]
    public void A_burst_lets_that_many_through_at_once_after_an_idle_period()
    {
        using var limiter = Limiter(perSecond: 10, burst: 3);

        var leases = Enumerable.Range(0, 4).Select(_ => limiter.AttemptAcquire()).ToList();

        Assert.Equal([true, true, true, false], leases.Select(l => l.IsAcquired));
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public void A_throttled_answer_halves_the_rate_and_pushes_the_next_slot_back()
    {
        using var limiter = Limiter(perSecond: 20);
        using var sent = limiter.AttemptAcquire();
        var sentAt = limiter.Timestamp();
        clock.Advance(TimeSpan.FromMilliseconds(200));

        Assert.True(limiter.OnThrottled(sentAt));

        Assert.Equal(10, limiter.CurrentPermitsPerSecond, precision: 6);
        using var tooSoon = limiter.AttemptAcquire();
        Assert.False(tooSoon.IsAcquired);
        Assert.True(tooSoon.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(100, retryAfter.TotalMilliseconds, precision: 3);
        Assert.Equal(1, limiter.RateCuts);
    }

    [Fact]
    public void Answers_to_requests_sent_before_the_last_cut_do_not_cut_again()
    {
        using var limiter = Limiter(perSecond: 20);
        var sentTogether = limiter.Timestamp();
        clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.True(limiter.OnThrottled(sentTogether));
        Assert.False(limiter.OnThrottled(sentTogether));
        Assert.False(limiter.OnThrottled(sentTogether));

        Assert.Equal(10, limiter.CurrentPermitsPerSecond, precision: 6);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.OnThrottled(limiter.Timestamp()));
        Assert.Equal(5, limiter.CurrentPermitsPerSecond, precision: 2); // less 1 ms of recovery
    }

    [Fact]
    public void Within_the_cut_interval_throttled_answers_do_not_cut_again()
    {
        using var limiter = Limiter(perSecond: 20, cutInterval: TimeSpan.FromSeconds(1));
        Assert.True(limiter.OnThrottled(limiter.Timestamp()));

        clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(limiter.OnThrottled(limiter.Timestamp())); // sent into the same full window

        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(limiter.OnThrottled(limiter.Timestamp()));
        Assert.Equal(2, limiter.RateCuts);
    }

    [Fact]
    public void The_rate_recovers_linearly_and_never_above_the_configured_rate_nor_below_the_floor()
    {
        using var limiter = Limiter(perSecond: 20, minimum: 2, recoveryPerSecond: 2);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            limiter.OnThrottled(limiter.Timestamp());
        }

        Assert.Equal(2, limiter.CurrentPermitsPerSecond, precision: 6);

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(10, limiter.CurrentPermitsPerSecond, precision: 6);

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(20, limiter.CurrentPermitsPerSecond, precision: 6);
    }

    [Fact]
    public async Task A_slot_further_away_than_the_maximum_wait_is_refused_not_awaited()
    {
        using var limiter = Limiter(perSecond: 1, maximumWait: TimeSpan.FromSeconds(2));
        var queued = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync().AsTask()).ToList(); // slots at 0 s, 1 s, 2 s

        using var refused = await limiter.AcquireAsync();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(3, retryAfter.TotalSeconds, precision: 3);
        Assert.Equal(3, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(1, limiter.GetStatistics()!.TotalFailedLeases);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.All(await Task.WhenAll(queued), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_keeps_its_slot()
    {
        using var limiter = Limiter(perSecond: 10);
        using var first = limiter.AttemptAcquire();
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(1, cancellation.Token).AsTask();
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
        using var next = limiter.AttemptAcquire();
        Assert.False(next.IsAcquired); // the cancelled caller's slot is not handed out again: only ever slower, never faster
    }

    [Fact]
    public void Statistics_count_leases_and_availability()
    {
        using var limiter = Limiter(perSecond: 10, burst: 2);

        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
        using var a = limiter.AttemptAcquire();
        using var b = limiter.AttemptAcquire();
        using var c = limiter.AttemptAcquire();

        var statistics = limiter.GetStatistics()!;
        Assert.Equal(2, statistics.TotalSuccessfulLeases);
        Assert.Equal(1, statistics.TotalFailedLeases);
        Assert.Equal(0, statistics.CurrentAvailablePermits);
        Assert.Null(limiter.IdleDuration);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(limiter.IdleDuration);
    }

    [Fact]
    public void A_disposed_limiter_refuses_to_be_used()
    {
        var limiter = Limiter(perSecond: 10);
        limiter.Dispose();

        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire());
    }

    /// <summary>Waits (in real time, briefly) for continuations the fake clock released to run.</summary>
    private static async Task WhenCountCompleted(IReadOnlyList<Task> tasks, int count)
    {
        for (var spin = 0; spin < 200 && tasks.Count(t => t.IsCompleted) < count; spin++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(count, tasks.Count(t => t.IsCompleted));
    }

    private AdaptiveRateLimiter Limiter(
        double perSecond, int burst = 1, TimeSpan? maximumWait = null, double? minimum = null, double? recoveryPerSecond = null, TimeSpan? cutInterval = null) =>
        new(new AdaptiveRateLimiterOptions(
            perSecond,
            burst,
            maximumWait ?? TimeSpan.FromMinutes(1),
            ThrottledRateFactor: 0.5,
            MinimumPermitsPerSecond: minimum ?? perSecond / 10,
            RecoveryPerSecond: recoveryPerSecond ?? perSecond / 10,
            CutInterval: cutInterval ?? TimeSpan.Zero),
            clock);
}
