using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Tests.Support;
using static PeeringFunctions.TencentCloud.Tests.Signing.OfficialVectors;

namespace PeeringFunctions.TencentCloud.Tests.Signing;

public sealed class Tc3SignerOfficialVectorTests
{
    [Fact]
    public void Vector_payload_is_the_86_bytes_with_literal_backslash_u_sequences()
    {
        Assert.Equal(86, CvmPayload.Length);
        Assert.Contains(@"\u672a\u547d\u540d", CvmPayloadText, StringComparison.Ordinal);
        Assert.Equal(CvmHashedPayload, Tc3Signer.HashHex(CvmPayload));
    }

    [Fact]
    public void Signature_matches_official_vector_A()
    {
        var result = SignCvm("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");

        Assert.Equal(CvmHashedPayload, result.HashedRequestPayload);
        Assert.Equal("content-type;host", result.SignedHeaders);
        Assert.Equal("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", result.HashedCanonicalRequest);
        Assert.Equal("2019-02-25", result.Date);
        Assert.Equal("2019-02-25/cvm/tc3_request", result.CredentialScope);
        Assert.Equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168", result.Signature);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            result.Authorization);
    }

    [Fact]
    public void Vector_A_derived_keys_agree_with_the_reference_implementation()
    {
        // The page does not publish A's derived keys; trust them only because two implementations agree.
        var result = SignCvm("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");
        var reference = ReferenceTc3.SignPost(CvmHost, CvmContentType, CvmPayload, CvmTimestamp, CvmService, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");

        Assert.Equal(reference.SecretDate, result.SecretDateHex);
        Assert.Equal(reference.SecretService, result.SecretServiceHex);
        Assert.Equal(reference.SecretSigning, result.SecretSigningHex);
        Assert.Equal(reference.Authorization, result.Authorization);
    }

    [Fact]
    public void Signature_matches_official_vector_B_with_x_tc_action_signed()
    {
        var secretId = "AKID" + new string('*', 32);
        var secretKey = new string('*', 32);

        var result = Tc3Signer.Sign(
            "POST", "/", string.Empty, CvmHost, CvmContentType, CvmPayload, CvmTimestamp, CvmService, secretId, secretKey,
            [new KeyValuePair<string, string>("X-TC-Action", "DescribeInstances")]);

        Assert.Equal(CvmHashedPayload, result.HashedRequestPayload);
        Assert.Equal("content-type;host;x-tc-action", result.SignedHeaders);
        Assert.Equal("content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n", result.CanonicalHeaders);
        Assert.Equal("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84", result.HashedCanonicalRequest);
        Assert.Equal("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0", result.SecretDateHex);
        Assert.Equal("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f", result.SecretServiceHex);
        Assert.Equal("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af", result.SecretSigningHex);
        Assert.Equal("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f", result.Signature);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f",
            result.Authorization);
    }

    [Fact]
    public void Signature_matches_older_official_vector_C()
    {
        var result = SignCvm("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******");

        Assert.Equal(CvmHashedPayload, result.HashedRequestPayload);
        Assert.Equal("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", result.HashedCanonicalRequest);
        Assert.Equal("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c", result.Signature);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
            result.Authorization);
    }

    [Fact]
    public void Vector_C_derived_keys_match_the_abbreviated_values_in_the_spec()
    {
        // The spec prints C's keys shortened as first8…last4; the full values must also agree with the reference.
        var result = SignCvm("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******");
        var reference = ReferenceTc3.SignPost(CvmHost, CvmContentType, CvmPayload, CvmTimestamp, CvmService, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******");

        AssertAbbreviated("f1cb4d51", "556e", result.SecretDateHex);
        AssertAbbreviated("e7c609ce", "7cd7", result.SecretServiceHex);
        AssertAbbreviated("8aa8ab57", "91ed", result.SecretSigningHex);
        Assert.Equal(reference.SecretDate, result.SecretDateHex);
        Assert.Equal(reference.SecretService, result.SecretServiceHex);
        Assert.Equal(reference.SecretSigning, result.SecretSigningHex);
    }

    [Fact]
    public void Signature_matches_official_vector_D_for_POST()
    {
        var result = Tc3Signer.Sign(
            "POST", "/", string.Empty, CvmHost, "application/json", NodePayload, NodeTimestamp, CvmService, NodeSecretId, NodeSecretKey);

        Assert.Equal("2022-01-01", result.Date);
        Assert.Equal("96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3", result.Signature);
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=test-secret-id/2022-01-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3",
            result.Authorization);
    }

    [Fact]
    public void Signature_matches_official_vector_D_for_GET()
    {
        // The Node SDK test hands the same payload object to the signer for GET, and its signer hashes it, so the
        // published GET signature covers the JSON bytes (a real GET would hash the empty string instead).
        var result = Tc3Signer.Sign(
            "GET", "/", string.Empty, CvmHost, "application/x-www-form-urlencoded", NodePayload, NodeTimestamp, CvmService, NodeSecretId, NodeSecretKey);

        Assert.Equal("39ce411ac32014b7d814118b33f82d3445be566f67e1f4b369ccdc3791ce9a13", result.Signature);
        Assert.StartsWith("GET\n/\n\ncontent-type:application/x-www-form-urlencoded\n", result.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_matches_vpc_vector_E_with_plain_json_content_type()
    {
        var result = Tc3Signer.Sign(
            "POST", "/", string.Empty, "vpc.tencentcloudapi.com", "application/json", VpcPayload, VpcTimestamp, "vpc", "AKIDEXAMPLE", "SECRETEXAMPLE");
        var reference = ReferenceTc3.SignPost("vpc.tencentcloudapi.com", "application/json", VpcPayload, VpcTimestamp, "vpc", "AKIDEXAMPLE", "SECRETEXAMPLE");

        AssertAbbreviated("2d597205", "46f9", result.HashedRequestPayload);
        AssertAbbreviated("bdf19770", "ba0c", result.HashedCanonicalRequest);
        Assert.Equal(reference.HashedCanonicalRequest, result.HashedCanonicalRequest);
        Assert.Equal("2023-11-14/vpc/tc3_request", result.CredentialScope);
        Assert.Equal("538a6ce09fded72e094227863801781d61fbfb8f58d413bc632fa7731dc8fd8b", result.Signature);
        Assert.Equal(reference.Authorization, result.Authorization);
    }

    [Fact]
    public void Signature_matches_vpc_vector_E_with_charset_content_type()
    {
        var result = Tc3Signer.Sign(
            "POST", "/", string.Empty, "vpc.tencentcloudapi.com", "application/json; charset=utf-8", VpcPayload, VpcTimestamp, "vpc", "AKIDEXAMPLE", "SECRETEXAMPLE");

        AssertAbbreviated("2d597205", "46f9", result.HashedRequestPayload);
        Assert.Equal("8ea84cc7c35d3bec49b53f4eb9d742f0fffd6706851f7980468c53e4802e6530", result.Signature);
    }

    private static Tc3Signature SignCvm(string secretId, string secretKey) =>
        Tc3Signer.Sign("POST", "/", string.Empty, CvmHost, CvmContentType, CvmPayload, CvmTimestamp, CvmService, secretId, secretKey);

    private static void AssertAbbreviated(string prefix, string suffix, string actual)
    {
        Assert.Equal(64, actual.Length);
        Assert.StartsWith(prefix, actual, StringComparison.Ordinal);
        Assert.EndsWith(suffix, actual, StringComparison.Ordinal);
    }
}
