using System.Text;

namespace PeeringFunctions.TencentCloud.Tests.Signing;

/// <summary>Inputs shared by the official worked examples of spec §2.2.</summary>
internal static class OfficialVectors
{
    public const string CvmHost = "cvm.tencentcloudapi.com";
    public const string CvmService = "cvm";
    public const long CvmTimestamp = 1551113065;
    public const string CvmContentType = "application/json; charset=utf-8";

    // The 86-byte body of examples A–C. The \u sequences are literal backslash-u text, not decoded characters:
    // a raw string literal keeps them exactly as Tencent hashed them.
    public const string CvmPayloadText = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";

    public const string CvmHashedPayload = "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064";

    public static byte[] CvmPayload => Encoding.ASCII.GetBytes(CvmPayloadText);

    // Example D: the Node SDK unit test.
    public const long NodeTimestamp = 1640995200;
    public const string NodeSecretId = "test-secret-id";
    public const string NodeSecretKey = "test-secret-key";

    public static byte[] NodePayload => Encoding.UTF8.GetBytes("""{"Action":"DescribeInstances","Version":"2017-03-12"}""");

    // Example E: VPC-flavoured regression vector.
    public const long VpcTimestamp = 1700000000;

    public static byte[] VpcPayload => Encoding.UTF8.GetBytes("""{"PeeringConnectionIds":["pcx-test1234"]}""");
}
