using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.TencentAccess.Tests.Accounts;

public sealed class TencentOptionsValidatorTests
{
    private const string Preamble = "The Tencent configuration cannot be used: ";

    [Fact]
    public void A_section_with_two_complete_accounts_passes()
    {
        Assert.True(Validate(Support.Services.TwoAccounts()).Succeeded);
    }

    [Fact]
    public void An_empty_section_passes_because_there_is_nothing_to_check()
    {
        Assert.True(Validate([]).Succeeded);
    }

    [Fact]
    public void An_endpoint_without_accounts_asks_for_an_account()
    {
        var result = Validate(new() { ["Tencent:Endpoint"] = "vpc.tencentcloudapi.com" });

        Assert.Equal(
            Preamble + "Tencent:Accounts has no account, but Tencent:BaseUrl or Tencent:Endpoint is set. " +
            "Configure at least one account, or remove every Tencent setting to use the embedded emulator.",
            result.FailureMessage);
    }

    [Fact]
    public void Each_missing_or_malformed_account_key_is_named_in_one_message()
    {
        var result = Validate(new()
        {
            ["Tencent:Accounts:prod:Uin"] = "20000000000x",
            ["Tencent:Accounts:prod:SecretKey"] = "prodSecretKeyValue",
            ["Tencent:Accounts:test:Uin"] = "200000000002",
            ["Tencent:Accounts:test:SecretId"] = "AKIDtestExample",
        });

        Assert.Equal(
            Preamble + "Tencent:Accounts:prod:Uin must be the account's numeric UIN. Tencent:Accounts:prod:SecretId is not set. " +
            "Tencent:Accounts:test:SecretKey is not set.",
            result.FailureMessage);
        Assert.DoesNotContain("prodSecretKeyValue", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDtestExample", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_base_url_is_refused()
    {
        var settings = Support.Services.TwoAccounts();
        settings["Tencent:BaseUrl"] = "emulator/";

        Assert.Equal(Preamble + "Tencent:BaseUrl must be an absolute URL.", Validate(settings).FailureMessage);
    }

    [Fact]
    public void Quotas_default_to_tencents_ten_peerings_per_vpc_and_two_hundred_routes_per_table()
    {
        var options = new TencentOptions();
        new ConfigurationBuilder().AddInMemoryCollection(Support.Services.TwoAccounts()).Build().GetSection(TencentOptions.SectionName).Bind(options);

        Assert.Equal(10, options.Quotas.LivePeeringsPerVpc);
        Assert.Equal(200, options.Quotas.RoutesPerRouteTable);
    }

    [Fact]
    public void A_quota_below_one_is_refused_naming_its_key_even_in_an_otherwise_empty_section()
    {
        var result = Validate(new() { ["Tencent:Quotas:LivePeeringsPerVpc"] = "0", ["Tencent:Quotas:RoutesPerRouteTable"] = "-5" });

        Assert.Equal(
            Preamble + "Tencent:Quotas:LivePeeringsPerVpc must be at least 1 (Tencent's default is 10). " +
            "Tencent:Quotas:RoutesPerRouteTable must be at least 1 (Tencent's default is 200).",
            result.FailureMessage);
    }

    [Fact]
    public void A_raised_quota_is_kept()
    {
        var settings = Support.Services.TwoAccounts();
        settings["Tencent:Quotas:RoutesPerRouteTable"] = "500";
        var options = new TencentOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(TencentOptions.SectionName).Bind(options);

        Assert.True(new TencentOptionsValidator().Validate(Options.DefaultName, options).Succeeded);
        Assert.Equal(500, options.Quotas.RoutesPerRouteTable);
    }

    [Fact]
    public void The_registration_refuses_a_bad_setting_when_the_options_are_read_and_at_start_up()
    {
        var settings = Support.Services.TwoAccounts();
        settings["Tencent:Accounts:beta:Uin"] = "beta";
        using var services = Support.Services.Access(settings, tencent: null);

        var read = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TencentOptions>>().Value);
        var start = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(Preamble + "Tencent:Accounts:beta:Uin must be the account's numeric UIN.", read.Message);
        Assert.Equal(read.Message, start.Message);
    }

    private static ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var options = new TencentOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(TencentOptions.SectionName).Bind(options);
        return new TencentOptionsValidator().Validate(Options.DefaultName, options);
    }
}
