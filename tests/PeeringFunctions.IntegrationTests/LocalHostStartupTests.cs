using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using PeeringFunctions.LocalHost.Hosting;
using static PeeringFunctions.Testing.Builders.DemoIds;

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
                [LocalHostOptions.AllowInMemoryWithRealTencentKey] = "true",
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

    [Fact]
    public async Task Host_in_memory_against_real_tencent_refuses_to_start_and_says_how_to_keep_a_record_or_how_to_insist()
    {
        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(RealTencent()),
        }));

        Assert.Contains("--durable-backend azurestorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-in-memory-with-real-tencent", error.Message, StringComparison.Ordinal);
        Assert.Contains(LocalHostOptions.AllowInMemoryWithRealTencentKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RealLookingSecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_in_memory_against_real_tencent_starts_when_told_so_explicitly_and_says_what_a_restart_loses()
    {
        var settings = RealTencent();
        settings[LocalHostOptions.AllowInMemoryWithRealTencentKey] = "true";
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions { Urls = "http://127.0.0.1:0", Configuration = Configuration(settings) });

        Assert.Null(host.Emulator);
        Assert.Contains("a restart loses every running peering's record", BannerOf(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_pointed_at_an_emulator_by_base_url_starts_in_memory_without_being_told()
    {
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new()
            {
                ["Tencent:BaseUrl"] = "http://127.0.0.1:9/",
                ["Tencent:Accounts:alpha:Uin"] = AlphaUin,
                ["Tencent:Accounts:alpha:SecretId"] = "AKIDalphaExample",
                ["Tencent:Accounts:alpha:SecretKey"] = RealLookingSecretKey,
            }),
        });

        Assert.Null(host.Emulator);
        Assert.False(host.Tencent.IsRealTencent);
    }

    [Fact]
    public async Task Host_in_memory_says_at_start_up_in_one_line_what_a_restart_loses_and_what_tencent_keeps()
    {
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions { Urls = "http://127.0.0.1:0" });

        var lines = BannerOf(host).Split('\n').Where(l => l.Contains("restart", StringComparison.Ordinal)).ToList();

        var line = Assert.Single(lines);
        Assert.Contains("a restart loses every running peering's record", line, StringComparison.Ordinal);
        Assert.Contains("Tencent keeps what was created", line, StringComparison.Ordinal);
        Assert.Contains("--durable-backend azurestorage", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_says_at_start_up_how_often_the_watcher_checks_for_drift()
    {
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new() { ["DriftCheck:Interval"] = "00:05:00" }),
        });

        var line = Assert.Single(BannerOf(host).Split('\n'), l => l.Contains("Watcher", StringComparison.Ordinal));
        Assert.Contains("every 00:05:00 (DriftCheck:Interval)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_with_a_drift_check_interval_under_a_second_refuses_to_start_and_names_the_setting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new() { ["DriftCheck:Interval"] = "00:00:00" }),
        }));

        Assert.Contains("DriftCheck:Interval must be at least 1 second", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_says_at_start_up_what_it_purges_and_how_often_it_checks_for_stuck_instances()
    {
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new() { ["Purge:Retention"] = "7.00:00:00", ["Purge:BatchSize"] = "50", ["StuckCheck:Interval"] = "00:01:00" }),
        });

        var lines = BannerOf(host).Split('\n');
        Assert.Contains("finished over 7 days ago, up to 50 every 01:00:00", Assert.Single(lines, l => l.Contains("Purge ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("checked every 00:01:00", Assert.Single(lines, l => l.Contains("Stuck ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Purge:BatchSize", "0", "Purge:BatchSize must be between 1 and 1000")]
    [InlineData("Purge:Retention", "00:10:00", "Purge:Retention must be at least")]
    [InlineData("StuckCheck:Thresholds:Requesting", "00:00:00", "StuckCheck:Thresholds:Requesting must be positive")]
    public async Task Host_with_a_bad_purge_or_stuck_check_setting_refuses_to_start_and_names_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = Configuration(new() { [key] = value }),
        }));

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> RealTencent() => new()
    {
        ["Tencent:Endpoint"] = "vpc.ap-guangzhou.tencentcloudapi.com",
        ["Tencent:Accounts:prod:Uin"] = "200000000001",
        ["Tencent:Accounts:prod:SecretId"] = "AKIDprodExample",
        ["Tencent:Accounts:prod:SecretKey"] = RealLookingSecretKey,
    };

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static string BannerOf(LocalPeeringHost host)
    {
        using var output = new StringWriter();
        Banner.Write(output, host);
        return output.ToString();
    }
}
