using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;

namespace PeeringFunctions.TencentCloud.Tests.Support;

internal static class ClientFactory
{
    public const string SecretId = "AKIDtestSecretIdForUnitTests000001";
    public const string SecretKey = "TestSecretKeyThatMustNeverLeak0001";
    public const string Token = "TestSessionTokenThatMustNeverLeak";

    // 2019-02-25 16:44:25 UTC = 2019-02-26 00:44:25 in UTC+8: the dates differ, so a local-time bug shows.
    public const long Timestamp = 1551113065;

    public const string EmptySuccess = """{"Response":{"RequestId":"req-ok"}}""";

    public static VpcClient Create(
        CapturingHandler handler,
        string? token = null,
        ClientProfile? profile = null,
        string region = "ap-guangzhou",
        TimeProvider? timeProvider = null) =>
        new(
            new Credential(SecretId, SecretKey, token),
            region,
            profile,
            new HttpClient(handler),
            timeProvider ?? FixedTimeProvider.AtUnixSeconds(Timestamp));
}
