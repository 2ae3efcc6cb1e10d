using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.RateLimiting;
using TencentVpcEmulator;
using PeeringFunctions.TencentAccess.Tests.Support;

namespace PeeringFunctions.TencentAccess.Tests.RateLimiting;

/// <summary>The limiter in front of the emulator with Tencent's documented limits enforced (spec §6).</summary>
public sealed class AgainstTheEmulatorTests : IAsyncLifetime
{
    private TencentVpcEmulatorServer? emulator;

    private TencentVpcEmulatorServer Emulator => emulator!;

    public async Task InitializeAsync() =>
        emulator = await TencentVpcEmulatorServer.StartAsync(new EmulatorOptions { Seed = EmulatorSeed.Demo, EnforceRateLimits = true });

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_burst_is_spread_at_the_clients_rate_and_every_call_succeeds()
    {
        // The client paces DescribeVpcPeeringConnections at 8 × 0.9 = 7.2 req/s against the emulator's 20 req/s. (The
        // emulator lets through only about half of what it is configured for — docs/benchmark.md — so an odd
        // RequestLimitExceeded can still come back; the client re-sends it.)
        var settings = Services.TwoAccounts(Emulator.BaseUrl.ToString());
        settings["Tencent:RateLimits:PerSecond:DescribeVpcPeeringConnections"] = "8";
        using var services = Services.Access(settings, tencent: null);
        var client = services.GetRequiredService<ITencentClientFactory>().Create("alpha", "ap-guangzhou");
        await client.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest()); // opens the connection
        Emulator.ResetCalls();
        var limits = services.GetRequiredService<TencentRateLimiter>();
        var before = limits.Statistics();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest())));

        var calls = Emulator.Calls().ForAction("DescribeVpcPeeringConnections");
        var after = limits.Statistics();
        Assert.Equal(20 + calls.Throttled, calls.Total);
        Assert.True(calls.Throttled <= 2, $"{calls.Throttled} throttled at 7.2 req/s");
        Assert.Equal(calls.Throttled, after.Resent - before.Resent);
        Assert.InRange(clock.Elapsed.TotalSeconds, 19 / 7.2 - 0.2, (19 / 7.2) + 3.0);
        Assert.True(after.Delayed - before.Delayed >= 19);
    }

    [Fact]
    public async Task When_Tencent_allows_less_than_documented_the_client_backs_off_and_every_call_succeeds()
    {
        // Tencent (the emulator) allows DescribeVpcs 20/s; the client believes the documented 100/s.
        Emulator.ConfigureRateLimits(true, new Dictionary<string, int> { ["DescribeVpcs"] = 20 });
        using var services = Services.Access(Services.TwoAccounts(Emulator.BaseUrl.ToString()), tencent: null);
        var client = services.GetRequiredService<ITencentClientFactory>().Create("alpha", "ap-guangzhou");

        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(_ => client.DescribeVpcs(new DescribeVpcsRequest())));

        Assert.Equal(80, answers.Length);
        var calls = Emulator.Calls().ForAction("DescribeVpcs");
        var statistics = services.GetRequiredService<TencentRateLimiter>().Statistics();
        Assert.True(calls.Throttled > 0, "the emulator should have throttled the first burst");
        Assert.Equal(calls.Throttled, statistics.ThrottledResponses);
        Assert.Equal(calls.Throttled, statistics.Resent);
        Assert.True(statistics.RateCuts > 0);
        Assert.True(services.GetRequiredService<TencentRateLimiter>().For("uin:100000000001", "DescribeVpcs").CurrentPermitsPerSecond < 90);
    }
}
