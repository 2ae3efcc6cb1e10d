using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using PeeringFunctions.LocalHost.Hosting;
using static PeeringFunctions.IntegrationTests.Support.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>Which Tencent the local host talks to, decided from configuration, and what it prints about it.</summary>
public sealed class LocalHostStartupTests
{
    private const string RealLookingSecretKey = "realSecretKeyThatMustNeverBePrinted01";

    [Fact]
    public async Task Host_without_tencent_settings_embeds_the_emulator_with_the_demo_accounts_and_prints_no_secret_key()
    {
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions { Urls = "http://127.0.0.1:0" });

        Assert.NotNull(host.Emulator);
        Assert.True(host.Tencent.IsEmbeddedEmulator);
        Assert.Equal(host.Emulator.BaseUrl.ToString(), host.Tencent.ApiUrl);
        Assert.Equal(new[] { (Alpha, AlphaUin), (Beta, BetaUin) }, host.Tencent.Accounts.Select(a => (a.Alias, a.Uin)));

        var banner = BannerOf(host);
        Assert.Contains("embedded VPC emulator", banner, StringComparison.Ordinal);
        Assert.Contains($"uin {AlphaUin}", banner, StringComparison.Ordinal);
        Assert.Contains("\"beta-approver-demo-key\" (demo value)", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(AlphaSecretKey, banner, StringComparison.Ordinal);
        Assert.DoesNotContain(BetaSecretKey, banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_configured_with_a_tencent_endpoint_and_accounts_does_not_start_the_emulator()
    {
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new()
            {
                ["Tencent:Endpoint"] = "vpc.ap-guangzhou.tencentcloudapi.com",
                ["Tencent:Accounts:prod:Uin"] = "200000000001",
                ["Tencent:Accounts:prod:SecretId"] = "AKIDprodExample",
                ["Tencent:Accounts:prod:SecretKey"] = RealLookingSecretKey,
                ["Tencent:Accounts:prod:ApproverKey"] = "prod-approver-secret",
            }),
        });

        Assert.Null(host.Emulator);
        Assert.False(host.Tencent.IsEmbeddedEmulator);
        Assert.Equal("https://vpc.ap-guangzhou.tencentcloudapi.com/", host.Tencent.ApiUrl);
        var banner = BannerOf(host);
        Assert.Contains("prod", banner, StringComparison.Ordinal);
        Assert.Contains("approver key configured", banner, StringComparison.Ordinal);
        Assert.DoesNotContain(RealLookingSecretKey, banner, StringComparison.Ordinal);
        Assert.DoesNotContain("prod-approver-secret", banner, StringComparison.Ordinal);

        // Serving, without a single call to Tencent.
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var health = await http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("configured endpoint", (string?)JsonNode.Parse(await health.Content.ReadAsStringAsync())!["tencent"]);
    }

    [Fact]
    public async Task Host_with_an_endpoint_but_no_accounts_refuses_to_start_and_says_which_setting_is_missing()
    {
        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new() { ["Tencent:Endpoint"] = "vpc.tencentcloudapi.com" }),
        }));

        Assert.Contains("Tencent:Accounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_with_an_account_missing_its_secret_key_names_the_key_but_not_the_other_values()
    {
        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new()
            {
                ["Tencent:Accounts:prod:Uin"] = "200000000001",
                ["Tencent:Accounts:prod:SecretId"] = "AKIDprodExample",
            }),
        }));

        Assert.Contains("Tencent:Accounts:prod:SecretKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDprodExample", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static string BannerOf(LocalPeeringHost host)
    {
        using var output = new StringWriter();
        Banner.Write(output, host);
        return output.ToString();
    }
}
