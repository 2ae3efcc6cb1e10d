using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Tests.Verification;

public sealed class ReplayGuardTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_is_accepted_once_until_it_expires_and_then_again()
    {
        var guard = new ReplayGuard(time);
        var expiry = time.GetUtcNow().AddMinutes(5);

        Assert.True(guard.TryRemember("k", expiry));
        Assert.False(guard.TryRemember("k", expiry));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(guard.TryRemember("k", time.GetUtcNow().AddMinutes(5)));
    }

    [Fact]
    public void A_forgotten_key_is_accepted_again()
    {
        var guard = new ReplayGuard(time);
        var expiry = time.GetUtcNow().AddMinutes(5);
        guard.TryRemember("k", expiry);

        guard.Forget("k");

        Assert.True(guard.TryRemember("k", expiry));
    }

    [Fact]
    public void Expired_keys_are_pruned()
    {
        var guard = new ReplayGuard(time);
        for (var i = 0; i < 2000; i++)
        {
            guard.TryRemember($"k{i}", time.GetUtcNow().AddMinutes(5));
        }

        time.Advance(TimeSpan.FromMinutes(6));
        guard.TryRemember("fresh", time.GetUtcNow().AddMinutes(5));

        Assert.Equal(1, guard.Count);
    }
}
