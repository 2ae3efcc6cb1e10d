using System.Text;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Tests.Signing;

public sealed class Tc3SignerRuleTests
{
    [Fact]
    public void Signing_date_is_the_UTC_date_not_the_local_one()
    {
        // 1551113065 is 2019-02-26 00:44:25 in UTC+8 but 2019-02-25 in UTC.
        Assert.Equal("2019-02-25", Tc3Signer.FormatDate(1551113065));
    }

    [Fact]
    public void Empty_payload_hashes_to_the_well_known_empty_SHA256()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Tc3Signer.HashHex([]));
    }

    [Fact]
    public void Canonical_headers_are_lower_cased_trimmed_and_sorted_by_name()
    {
        var (canonical, signed) = Tc3Signer.BuildCanonicalHeaders(
        [
            new("X-TC-Action", "  DescribeVpcs "),
            new("Host", "VPC.TencentCloudAPI.com"),
            new("Content-Type", "application/json"),
        ]);

        Assert.Equal("content-type:application/json\nhost:vpc.tencentcloudapi.com\nx-tc-action:describevpcs\n", canonical);
        Assert.Equal("content-type;host;x-tc-action", signed);
    }

    [Fact]
    public void A_header_listed_twice_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Tc3Signer.BuildCanonicalHeaders([new("Host", "a"), new("host", "b")]));
    }

    [Fact]
    public void Canonical_request_has_an_empty_line_between_headers_and_signed_headers()
    {
        var result = Tc3Signer.Sign(
            "post", "/", string.Empty, "vpc.tencentcloudapi.com", "application/json", Encoding.UTF8.GetBytes("{}"), 1700000000, "vpc", "id", "key");

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json\nhost:vpc.tencentcloudapi.com\n\ncontent-type;host\n" + Tc3Signer.HashHex("{}"u8),
            result.CanonicalRequest);
        Assert.Equal(
            "TC3-HMAC-SHA256\n1700000000\n2023-11-14/vpc/tc3_request\n" + result.HashedCanonicalRequest,
            result.StringToSign);
    }

    [Fact]
    public void Signing_key_helper_equals_the_chained_derivation()
    {
        var chained = Tc3Signer.HmacSha256(Tc3Signer.HmacSha256(Tc3Signer.DeriveSecretDate("key", "2023-11-14"), "vpc"), "tc3_request");

        Assert.Equal(chained, Tc3Signer.DeriveSigningKey("key", "2023-11-14", "vpc"));
    }

    [Fact]
    public void Signature_result_ToString_shows_no_derived_keys()
    {
        var result = Tc3Signer.Sign("POST", "/", string.Empty, "vpc.tencentcloudapi.com", "application/json", "{}"u8, 1700000000, "vpc", "id", "key");

        Assert.DoesNotContain(result.SecretSigningHex, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.SecretDateHex, result.ToString(), StringComparison.Ordinal);
    }
}
