using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>TC3-HMAC-SHA256 verification over real HTTP (spec §2.1, §9): every AuthFailure code and the accepted variants.</summary>
public class AuthenticationTests
{
    private static TencentCall DescribeVpcs(ApiKey? key = null) => new() { Key = key ?? Demo.Alpha, Action = "DescribeVpcs" };

    [Fact]
    public async Task A_correctly_signed_request_is_answered_as_the_account_owning_the_secret_id()
    {
        await using var emu = await Emulator.StartAsync();
        var r = Api.Ok(await emu.SendAsync(DescribeVpcs()));
        Assert.Equal(Demo.AlphaVpc, r.GetProperty("VpcSet")[0].Str("VpcId"));
    }

    [Fact]
    public async Task The_host_may_be_signed_with_its_port()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { HostToSign = emu.Server.BaseUrl.Authority }));
    }

    [Fact]
    public async Task The_host_may_be_signed_without_its_port_like_the_official_node_sdk_does()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { HostToSign = emu.Server.BaseUrl.Host }));
    }

    [Fact]
    public async Task The_real_tencent_host_name_is_accepted_when_it_is_what_was_sent_and_signed()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { HostHeader = "vpc.tencentcloudapi.com" }));
    }

    [Fact]
    public async Task A_signature_over_a_different_host_fails()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(DescribeVpcs() with { HostToSign = "cvm.tencentcloudapi.com" }), "AuthFailure.SignatureFailure");
    }

    [Fact]
    public async Task A_superset_of_signed_headers_including_x_tc_action_is_accepted_like_official_vector_B()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { SignActionHeader = true }));
    }

    [Fact]
    public async Task The_content_type_with_a_charset_and_in_mixed_case_is_accepted_because_values_are_lower_cased()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { ContentType = "application/json; charset=utf-8" }));
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { ContentType = "Application/JSON" }));
    }

    [Fact]
    public async Task A_missing_authorization_header_is_invalid_authorization()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(DescribeVpcs() with { AuthorizationOverride = "" }), "AuthFailure.InvalidAuthorization");
    }

    [Theory]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDalphaDEMO0000000000000000000001")]
    [InlineData("HMAC-SHA1 Credential=AKIDalphaDEMO0000000000000000000001/2024-01-01/vpc/tc3_request, SignedHeaders=content-type;host, Signature=00")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDalphaDEMO0000000000000000000001/2024-01-01/vpc, SignedHeaders=content-type;host, Signature=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDalphaDEMO0000000000000000000001/2024-01-01/vpc/tc3_request, SignedHeaders=content-type, Signature=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDalphaDEMO0000000000000000000001/2024-01-01/vpc/tc3_request, SignedHeaders=host;x-tc-action, Signature=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("TC3-HMAC-SHA256 Credential=AKIDalphaDEMO0000000000000000000001/2024-01-01/vpc/tc3_request, SignedHeaders=content-type;host, Signature=not-hex")]
    public async Task A_malformed_authorization_header_is_invalid_authorization(string header)
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(DescribeVpcs() with { AuthorizationOverride = header }), "AuthFailure.InvalidAuthorization");
    }

    [Theory]
    [InlineData(-310)]
    [InlineData(310)]
    public async Task A_timestamp_more_than_300_seconds_from_the_emulator_clock_is_signature_expire(int skew)
    {
        await using var emu = await Emulator.StartAsync();
        var call = DescribeVpcs() with { Timestamp = emu.Server.Now.ToUnixTimeSeconds() + skew };
        Api.Error(await emu.SendAsync(call), "AuthFailure.SignatureExpire");
    }

    [Theory]
    [InlineData(-290)]
    [InlineData(290)]
    public async Task A_timestamp_within_300_seconds_is_accepted(int skew)
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { Timestamp = emu.Server.Now.ToUnixTimeSeconds() + skew }));
    }

    [Fact]
    public async Task Advancing_the_emulator_clock_expires_a_signature_made_with_the_old_time()
    {
        await using var emu = await Emulator.StartAsync();
        var signedAt = emu.Server.Now.ToUnixTimeSeconds();
        emu.Server.AdvanceClock(TimeSpan.FromMinutes(10));
        Api.Error(await emu.SendAsync(DescribeVpcs() with { Timestamp = signedAt }), "AuthFailure.SignatureExpire");
    }

    [Fact]
    public async Task An_unknown_secret_id_is_secret_id_not_found()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(DescribeVpcs(new ApiKey("AKIDnobody", "whatever"))), "AuthFailure.SecretIdNotFound");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_signature_failure()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(DescribeVpcs(Demo.Alpha with { SecretKey = "wrong" })), "AuthFailure.SignatureFailure");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_refused_even_after_the_right_one_was_accepted_the_same_day()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs()));
        Api.Error(await emu.SendAsync(DescribeVpcs(Demo.Alpha with { SecretKey = "wrong" })), "AuthFailure.SignatureFailure");
        Api.Error(await emu.SendAsync(DescribeVpcs() with { Service = "cvm" }), "AuthFailure.SignatureFailure");
        Api.Ok(await emu.SendAsync(DescribeVpcs()));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_signature_failure()
    {
        await using var emu = await Emulator.StartAsync();
        var call = DescribeVpcs() with { Body = "{\"Limit\":\"1\"}", BodyToSign = "{\"Limit\": \"1\"}" };
        Api.Error(await emu.SendAsync(call), "AuthFailure.SignatureFailure");
    }

    [Fact]
    public async Task A_credential_scope_date_other_than_the_timestamps_utc_date_is_signature_failure()
    {
        await using var emu = await Emulator.StartAsync();
        var yesterday = emu.Server.Now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Api.Error(await emu.SendAsync(DescribeVpcs() with { ScopeDate = yesterday }), "AuthFailure.SignatureFailure");
    }

    [Fact]
    public async Task A_credential_scope_service_other_than_vpc_is_signature_failure()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(DescribeVpcs() with { Service = "cvm" }), "AuthFailure.SignatureFailure");
    }

    [Fact]
    public async Task A_session_token_is_accepted_when_present_and_not_required_when_absent()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(DescribeVpcs() with { Token = "some-sts-token" }));
        Api.Ok(await emu.SendAsync(DescribeVpcs()));
    }

    [Fact]
    public async Task A_token_not_among_an_accounts_seeded_tokens_is_token_failure()
    {
        var seed = EmulatorSeed.Parse("""
            {"accounts":[{"name":"t","uin":"1","appId":1,"secretId":"AKIDtemp","secretKey":"k","tokens":["good-token"]}],"vpcs":[]}
            """);
        await using var emu = await Emulator.StartAsync(o => o.Seed = seed);
        var key = new ApiKey("AKIDtemp", "k");
        Api.Ok(await emu.SendAsync(DescribeVpcs(key) with { Token = "good-token" }));
        Api.Error(await emu.SendAsync(DescribeVpcs(key) with { Token = "bad-token" }), "AuthFailure.TokenFailure");
    }

    [Fact]
    public async Task Each_account_sees_only_its_own_resources()
    {
        await using var emu = await Emulator.StartAsync();
        var beta = Api.Ok(await emu.SendAsync(DescribeVpcs(Demo.Beta) with { Region = Demo.Shanghai }));
        Assert.Equal(2, beta.GetProperty("TotalCount").GetInt32());
        Assert.All(beta.GetProperty("VpcSet").EnumerateArray(), v => Assert.StartsWith("vpc-beta", v.Str("VpcId"), StringComparison.Ordinal));
    }
}
