using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentAccess.Tests.Support;

namespace PeeringFunctions.TencentAccess.Tests.Accounts;

public sealed class FactoryWiringTests
{
    [Fact]
    public async Task Every_client_the_factory_builds_goes_through_the_limiter()
    {
        var tencent = new ScriptedTencent();
        using var services = Services.Access(Services.TwoAccounts(), tencent);
        var factory = services.GetRequiredService<ITencentClientFactory>();

        await factory.Create("alpha", "ap-guangzhou").DescribeVpcs(new DescribeVpcsRequest());
        await factory.Create("beta", "ap-shanghai").DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal(2, services.GetRequiredService<TencentRateLimiter>().Statistics().Admitted);
        Assert.Equal(2, tencent.Sent.Count);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_surfaces_as_a_transient_RequestLimitExceeded()
    {
        var tencent = new ScriptedTencent { Otherwise = ScriptedTencent.Throttled };
        var settings = Services.TwoAccounts();
        settings["Tencent:RateLimits:MaxThrottleRetries"] = "1";
        using var services = Services.Access(settings, tencent);

        var error = await Assert.ThrowsAsync<TencentCloudSDKException>(() =>
            services.GetRequiredService<ITencentClientFactory>().Create("alpha", "ap-guangzhou").DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorCodes.RequestLimitExceeded, error.Code);
        Assert.True(error.IsTransient);
        Assert.Equal(2, tencent.Sent.Count);
    }

    [Fact]
    public async Task Limits_can_be_switched_off_in_configuration()
    {
        var tencent = new ScriptedTencent();
        var settings = Services.TwoAccounts();
        settings["Tencent:RateLimits:Enabled"] = "false";
        using var services = Services.Access(settings, tencent);

        await services.GetRequiredService<ITencentClientFactory>().Create("alpha", "ap-guangzhou").DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal(0, services.GetRequiredService<TencentRateLimiter>().Statistics().Admitted);
        Assert.Single(tencent.Sent);
    }

    [Fact]
    public void The_section_binds_overrides_and_the_client_rate_keeps_the_headroom()
    {
        var settings = Services.TwoAccounts();
        settings["Tencent:RateLimits:Headroom"] = "0.5";
        settings["Tencent:RateLimits:PerSecond:DescribeVpcs"] = "10";
        settings["Tencent:RateLimits:MaxWait"] = "00:00:20";
        using var services = Services.Access(settings, new ScriptedTencent());

        var options = services.GetRequiredService<IOptionsMonitor<TencentRateLimitOptions>>().CurrentValue;

        Assert.True(options.Enabled);
        Assert.Equal(5, options.ClientRateOf("DescribeVpcs"));
        Assert.Equal(10, options.ClientRateOf("CreateVpcPeeringConnection"));
        Assert.Equal(TimeSpan.FromSeconds(20), options.MaxWait);
    }

    [Theory]
    [InlineData("CreateVpcPeeringConnection", 20)]
    [InlineData("AcceptVpcPeeringConnection", 20)]
    [InlineData("RejectVpcPeeringConnection", 20)]
    [InlineData("DeleteVpcPeeringConnection", 20)]
    [InlineData("DescribeVpcPeeringConnections", 20)]
    [InlineData("CreateRoutes", 100)]
    [InlineData("DescribeRouteTables", 100)]
    [InlineData("ReplaceRouteTableAssociation", 100)]
    [InlineData("DescribeSubnets", 100)]
    [InlineData("DescribeVpcs", 100)]
    [InlineData("DeleteRoutes", 50)]
    [InlineData("SomeFutureAction", 20)]
    public void Limits_are_sized_from_Tencents_documented_limits(string action, double documented)
    {
        var options = new TencentRateLimitOptions();

        Assert.Equal(documented, options.DocumentedLimitOf(action));
        Assert.Equal(documented * 0.9, options.ClientRateOf(action), precision: 9);
    }

    [Fact]
    public void Aliases_of_one_account_share_its_limits()
    {
        var one = new TencentAccountOptions { Uin = "100000000001" };

        Assert.Equal(TencentClientFactory.RateLimitKeyOf("alpha", one), TencentClientFactory.RateLimitKeyOf("alpha-admin", one));
        Assert.NotEqual(
            TencentClientFactory.RateLimitKeyOf("alpha", one),
            TencentClientFactory.RateLimitKeyOf("beta", new TencentAccountOptions { Uin = "100000000002" }));
        Assert.Equal("alias:gamma", TencentClientFactory.RateLimitKeyOf("gamma", new TencentAccountOptions()));
    }
}
