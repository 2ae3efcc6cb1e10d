using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>The client's TC3-HMAC-SHA256 signing, verified end to end by the emulator (spec §2, §9).</summary>
public sealed class AuthenticationTests : IClassFixture<EmulatorFixture>
{
    private static readonly DescribeVpcsRequest AnyRead = new();
    private readonly EmulatorFixture _f;

    public AuthenticationTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    [Fact]
    public async Task A_correctly_signed_request_is_accepted_and_filed_under_the_signing_account()
    {
        await _f.Alpha().DescribeVpcs(AnyRead);
        await _f.Beta().DescribeVpcs(AnyRead);

        var calls = _f.Server.Calls();
        Assert.Equal(1, calls.ForAccount("alpha").Total);
        Assert.Equal(1, calls.ForAccount("beta").Total);
        Assert.Equal(0, calls.Totals.Errors);
    }

    [Fact]
    public async Task A_wrong_secret_key_is_AuthFailure_SignatureFailure()
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, secretKeyOverride: World.WrongSecretKey);

        await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureFailure, () => client.DescribeVpcs(AnyRead));
    }

    [Fact]
    public async Task A_wrong_secret_key_on_a_write_is_refused_before_anything_changes()
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, secretKeyOverride: World.WrongSecretKey);

        await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureFailure, () => client.CreateVpcPeeringConnection(Scenario.AlphaToBeta()));

        Assert.Empty(_f.Server.Snapshot().Peerings);
    }

    [Fact]
    public async Task Another_accounts_secret_key_with_this_secret_id_is_AuthFailure_SignatureFailure()
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, secretKeyOverride: World.Beta.SecretKey);

        await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureFailure, () => client.DescribeVpcs(AnyRead));
    }

    [Fact]
    public async Task An_unknown_secret_id_is_AuthFailure_SecretIdNotFound()
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, secretIdOverride: "AKIDunknownNOTSEEDED00000000000000099");

        await Expect.ApiError(TencentErrorCodes.AuthFailureSecretIdNotFound, () => client.DescribeVpcs(AnyRead));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    public async Task A_client_clock_ten_minutes_off_is_AuthFailure_SignatureExpire(int minutes)
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, clockSkew: TimeSpan.FromMinutes(minutes));

        await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureExpire, () => client.DescribeVpcs(AnyRead));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-4)]
    public async Task A_client_clock_four_minutes_off_is_still_inside_the_five_minute_window(int minutes)
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, clockSkew: TimeSpan.FromMinutes(minutes));

        var response = await client.DescribeVpcs(AnyRead);

        Assert.Equal(World.AlphaVpc, Assert.Single(response.VpcSet!).VpcId);
    }

    [Fact]
    public async Task A_client_on_system_time_is_refused_once_the_emulator_clock_has_moved_a_week_ahead()
    {
        _f.Server.AdvanceClock(TimeSpan.FromDays(7));
        var systemClockClient = new Vpc.V20170312.VpcClient(
            new Credential(World.Alpha.SecretId, World.Alpha.SecretKey),
            World.Guangzhou,
            new Common.Profile.ClientProfile { HttpProfile = new Common.Profile.HttpProfile { BaseUrl = _f.Server.BaseUrl } });

        await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureExpire, () => systemClockClient.DescribeVpcs(AnyRead));
        await _f.Alpha().DescribeVpcs(AnyRead);
    }

    [Fact]
    public async Task Temporary_credentials_with_the_seeded_session_token_are_accepted()
    {
        var client = _f.Client(World.Gamma, World.Guangzhou, token: World.GammaToken);

        var response = await client.DescribeVpcs(AnyRead);

        Assert.Equal(World.GammaVpc, Assert.Single(response.VpcSet!).VpcId);
        Assert.Equal(1, _f.Server.Calls().ForAccount("gamma").Total);
    }

    [Fact]
    public async Task Temporary_credentials_work_for_writes_as_well()
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, token: World.TemporaryToken);

        var created = await client.CreateVpcPeeringConnection(Scenario.AlphaToBeta("with-token"));

        Assert.Equal("PENDING", _f.Server.Snapshot().Peering(created.PeeringConnectionId!)!.State);
    }

    [Fact]
    public async Task A_session_token_the_account_does_not_have_is_AuthFailure_TokenFailure()
    {
        var client = _f.Client(World.Gamma, World.Guangzhou, token: "gamma-session-token-expired-0000");

        await Expect.ApiError(TencentErrorCodes.AuthFailureTokenFailure, () => client.DescribeVpcs(AnyRead));
    }

    [Fact]
    public async Task Unauthenticated_calls_are_counted_as_errors_of_no_account()
    {
        var client = _f.Client(World.Alpha, World.Guangzhou, secretKeyOverride: World.WrongSecretKey);
        await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureFailure, () => client.DescribeVpcs(AnyRead));

        var calls = _f.Server.Calls();
        Assert.Equal(0, calls.ForAccount("alpha").Total);
        Assert.Equal(1, calls.ForAccount("(unauthenticated)").Errors);
    }
}
