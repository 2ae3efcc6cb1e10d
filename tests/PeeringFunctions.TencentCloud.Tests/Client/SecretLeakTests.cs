using System.Net;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Client;

public sealed class SecretLeakTests
{
    private const string BodyMarker = "vpc-bodymark";

    public static TheoryData<string> Failures => new()
    {
        "api",
        "http",
        "network",
        "parse",
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Exceptions_never_contain_credentials_the_authorization_header_or_the_body(string failure)
    {
        var handler = failure switch
        {
            "api" => CapturingHandler.RespondingJson("""{"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be validated."},"RequestId":"r-1"}}"""),
            "http" => CapturingHandler.RespondingJson("{}", HttpStatusCode.BadGateway),
            "network" => CapturingHandler.Throwing(new HttpRequestException("Name or service not known")),
            _ => CapturingHandler.RespondingJson("garbage"),
        };
        var client = ClientFactory.Create(handler, token: ClientFactory.Token);

        var ex = await Assert.ThrowsAsync<TencentCloudSDKException>(() =>
            client.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [BodyMarker] }));

        var authorization = handler.Single.Header("Authorization")!;
        var signature = authorization[(authorization.LastIndexOf('=') + 1)..];
        var everything = string.Join("\n", ex.Message, ex.ToString(), string.Join(",", ex.Data.Keys.Cast<object>()));
        Assert.DoesNotContain(ClientFactory.SecretKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("TC3-HMAC-SHA256", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(BodyMarker, everything, StringComparison.Ordinal);
        Assert.Empty(ex.Data);
    }

    [Fact]
    public void Credential_ToString_masks_the_id_and_hides_key_and_token()
    {
        var credential = new Credential(ClientFactory.SecretId, ClientFactory.SecretKey, ClientFactory.Token);

        var text = credential.ToString();

        Assert.Contains("AKID***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.SecretId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.Token, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "(empty)")]
    [InlineData("", "(empty)")]
    [InlineData("abc", "***")]
    [InlineData("AKIDxyz", "AKID***")]
    public void SecretId_masking_never_shows_more_than_four_characters(string? secretId, string expected)
    {
        Assert.Equal(expected, Credential.MaskSecretId(secretId));
    }
}
