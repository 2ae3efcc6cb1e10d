using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using TencentVpcEmulator;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>
/// No SecretKey (or session token) in anything the client throws. Every exception any test of this suite sees passes
/// through <see cref="Expect"/>, which checks it; this class provokes one failure of every kind on purpose and then
/// re-checks everything observed so far in the run.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class SecretLeakTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public SecretLeakTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    [Fact]
    public async Task No_exception_of_any_kind_carries_a_secret_key_or_session_token()
    {
        var failures = new List<TencentCloudSDKException>
        {
            // Api: business rule, with a token on the wire.
            await Expect.ApiError(TencentErrorCodes.ResourceNotFound,
                () => _f.Client(World.Alpha, World.Guangzhou, token: World.TemporaryToken).AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-zzzzzzzz" })),

            // Api: every authentication failure.
            await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureFailure,
                () => _f.Client(World.Alpha, World.Guangzhou, secretKeyOverride: World.WrongSecretKey).DescribeVpcs(new DescribeVpcsRequest())),
            await Expect.ApiError(TencentErrorCodes.AuthFailureSignatureExpire,
                () => _f.Client(World.Beta, World.Shanghai, clockSkew: TimeSpan.FromHours(1)).DescribeVpcs(new DescribeVpcsRequest())),
            await Expect.ApiError(TencentErrorCodes.AuthFailureTokenFailure,
                () => _f.Client(World.Gamma, World.Guangzhou, token: World.TemporaryToken).DescribeVpcs(new DescribeVpcsRequest())),
            await Expect.ApiError(TencentErrorCodes.AuthFailureSecretIdNotFound,
                () => _f.Client(World.Delta, World.Guangzhou, secretIdOverride: "AKIDnobody0000000000000000000000000").DescribeVpcs(new DescribeVpcsRequest())),
        };

        // Network: dropped reply and timeout.
        _f.Server.AddFault(new FaultRule { Action = "DescribeSubnets", Mode = FaultMode.DropReply, Count = 1 });
        using (var http = new HttpClient())
        {
            failures.Add(await Expect.Failure(() => _f.Client(World.Gamma, World.Guangzhou, token: World.GammaToken, httpClient: http).DescribeSubnets(new DescribeSubnetsRequest())));
        }

        _f.Server.SetLatency("DescribeRouteTables", TimeSpan.FromSeconds(2));
        failures.Add(await Expect.Failure(() => _f.Client(World.Alpha, World.Guangzhou, timeout: TimeSpan.FromMilliseconds(200)).DescribeRouteTables(new DescribeRouteTablesRequest())));

        // Network: nothing listening.
        var closedPort = new Vpc.V20170312.VpcClient(
            new Credential(World.Alpha.SecretId, World.Alpha.SecretKey, World.TemporaryToken),
            World.Guangzhou,
            new Common.Profile.ClientProfile { HttpProfile = new Common.Profile.HttpProfile { BaseUrl = new Uri("http://127.0.0.1:9/") } });
        failures.Add(await Expect.Failure(() => closedPort.DescribeVpcs(new DescribeVpcsRequest())));

        Assert.Contains(failures, f => f.Kind == TencentErrorKind.Api);
        Assert.Contains(failures, f => f.Kind == TencentErrorKind.Network);
        Assert.True(Expect.ObservedExceptions.Count >= failures.Count);
        foreach (var ex in Expect.ObservedExceptions)
        {
            Expect.AssertNoSecrets(ex);
        }
    }
}
