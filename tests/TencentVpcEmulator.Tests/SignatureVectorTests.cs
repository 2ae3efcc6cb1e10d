using System.Text;
using TencentVpcEmulator.Auth;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>The emulator's TC3 verifier reproduces Tencent's published signatures (spec §2.2 vectors A–E).</summary>
public class SignatureVectorTests
{
    // Literal backslash-u escapes: exactly the 86 bytes of the official example.
    private const string CvmPayload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";

    [Fact]
    public void The_official_example_payload_hashes_to_the_published_value()
    {
        Assert.Equal(86, Encoding.UTF8.GetByteCount(CvmPayload));
        Assert.Equal("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", Tc3Signer.Sha256Hex(Encoding.UTF8.GetBytes(CvmPayload)));
    }

    [Theory]
    [InlineData("A: international page", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", false, "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168")]
    [InlineData("B: current China page with x-tc-action", "********************************", true, "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f")]
    [InlineData("C: older China page", "Gu5t9xGARNpq86cd98joQYCN3*******", false, "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c")]
    public void The_emulator_signer_reproduces_the_published_cvm_vectors(string vector, string secretKey, bool signAction, string expected)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", "application/json; charset=utf-8"),
            new("host", "cvm.tencentcloudapi.com"),
        };
        if (signAction)
        {
            headers.Add(new("x-tc-action", "DescribeInstances"));
        }

        var signature = Sign(secretKey, "cvm", 1551113065, headers, CvmPayload);
        Assert.True(expected == signature, $"vector {vector}");
    }

    [Fact]
    public void The_emulator_signer_reproduces_the_published_derived_keys_of_vector_B()
    {
        var secretDate = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + new string('*', 32)), Encoding.UTF8.GetBytes("2019-02-25"));
        Assert.Equal("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0", Convert.ToHexStringLower(secretDate));
        Assert.Equal("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af",
            Convert.ToHexStringLower(Tc3Signer.SigningKey(new string('*', 32), "2019-02-25", "cvm")));
    }

    [Fact]
    public void The_emulator_signer_reproduces_the_node_sdk_unit_test_vector()
    {
        var signature = Sign("test-secret-key", "cvm", 1640995200,
            [new("content-type", "application/json"), new("host", "cvm.tencentcloudapi.com")],
            "{\"Action\":\"DescribeInstances\",\"Version\":\"2017-03-12\"}");
        Assert.Equal("96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3", signature);
    }

    [Theory]
    [InlineData("application/json", "538a6ce09fded72e094227863801781d61fbfb8f58d413bc632fa7731dc8fd8b")]
    [InlineData("application/json; charset=utf-8", "8ea84cc7c35d3bec49b53f4eb9d742f0fffd6706851f7980468c53e4802e6530")]
    public void The_emulator_signer_reproduces_the_vpc_flavoured_vector(string contentType, string expected)
    {
        var signature = Sign("SECRETEXAMPLE", "vpc", 1700000000,
            [new("content-type", contentType), new("host", "vpc.tencentcloudapi.com")],
            "{\"PeeringConnectionIds\":[\"pcx-test1234\"]}");
        Assert.Equal(expected, signature);
    }

    [Fact]
    public void The_test_signer_reproduces_vector_A_so_it_can_be_trusted_against_the_emulator()
    {
        var authorization = TestSigner.Authorization(
            "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm", 1551113065, "2019-02-25",
            [("content-type", "application/json; charset=utf-8"), ("host", "cvm.tencentcloudapi.com")],
            Encoding.UTF8.GetBytes(CvmPayload));
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            authorization);
    }

    [Fact]
    public void The_credential_date_is_the_utc_date_not_the_local_one()
    {
        Assert.Equal("2019-02-25", Tc3Signer.UtcDate(1551113065));
    }

    private static string Sign(string secretKey, string service, long timestamp, List<KeyValuePair<string, string>> headers, string payload)
    {
        var date = Tc3Signer.UtcDate(timestamp);
        var canonical = Tc3Signer.CanonicalRequest("POST", "/", "", headers, Tc3Signer.Sha256Hex(Encoding.UTF8.GetBytes(payload)));
        var stringToSign = Tc3Signer.StringToSign(timestamp, Tc3Signer.CredentialScope(date, service), canonical);
        return Tc3Signer.Signature(Tc3Signer.SigningKey(secretKey, date, service), stringToSign);
    }
}
