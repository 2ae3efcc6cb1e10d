using TencentVpcEmulator.Auth;

namespace TencentVpcEmulator.Tests;

/// <summary>The cached TC3 signing key is the derived one, per secret, date and service, and the cache stays bounded.</summary>
public class SigningKeyCacheTests
{
    [Fact]
    public void A_cached_key_is_the_key_derived_for_that_secret_date_and_service()
    {
        var cache = new SigningKeyCache();
        Assert.Equal(Tc3Signer.SigningKey("secret-a", "2026-12-05", "vpc"), cache.Get("secret-a", "2026-12-05", "vpc"));
        Assert.Equal(Tc3Signer.SigningKey("secret-a", "2026-12-05", "vpc"), cache.Get("secret-a", "2026-12-05", "vpc"));
        Assert.Equal(Tc3Signer.SigningKey("secret-b", "2026-12-05", "vpc"), cache.Get("secret-b", "2026-12-05", "vpc"));
        Assert.Equal(Tc3Signer.SigningKey("secret-a", "2026-12-06", "vpc"), cache.Get("secret-a", "2026-12-06", "vpc"));
        Assert.Equal(Tc3Signer.SigningKey("secret-a", "2026-12-05", "cvm"), cache.Get("secret-a", "2026-12-05", "cvm"));
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new SigningKeyCache();
        for (var i = 0; i < SigningKeyCache.Capacity * 2 + 7; i++)
        {
            Assert.Equal(Tc3Signer.SigningKey($"secret-{i}", "2026-12-05", "vpc"), cache.Get($"secret-{i}", "2026-12-05", "vpc"));
            Assert.InRange(cache.Count, 1, SigningKeyCache.Capacity);
        }
    }
}
