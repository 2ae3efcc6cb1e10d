using System.Text;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Tests.Verification;

/// <summary>Slack's v0 signature on the raw body, with the published example.</summary>
public sealed class SlackRequestVerifierTests
{
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes(Vectors.Slack.Body);
    private FakeTimeProvider time = new(Vectors.Slack.Now);

    private SlackRequestVerifier Verifier(string? secret = Vectors.Slack.SigningSecret) =>
        new(new StaticOptions<ChatOpsOptions>(new ChatOpsOptions { Slack = { SigningSecret = secret } }), time, new ReplayGuard(time));

    [Fact]
    public void Signing_the_published_body_reproduces_the_published_signature()
    {
        Assert.Equal(Vectors.Slack.Signature, SlackRequestVerifier.Sign(Vectors.Slack.SigningSecret, Vectors.Slack.Timestamp, VectorBody));
    }

    [Fact]
    public void The_published_request_verifies()
    {
        var result = Verifier().Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody);

        Assert.True(result.IsValid, result.Failure.ToString());
    }

    [Fact]
    public void A_signature_in_upper_case_hex_verifies_too()
    {
        var upper = "v0=" + Vectors.Slack.Signature[3..].ToUpperInvariant();

        Assert.True(Verifier().Verify(Vectors.Slack.Timestamp, upper, VectorBody).IsValid);
    }

    [Fact]
    public void A_tampered_body_is_refused_as_a_bad_signature()
    {
        var tampered = Encoding.UTF8.GetBytes(Vectors.Slack.Body.Replace("text=", "text=accept%20peering-vpc-a-vpc-b", StringComparison.Ordinal));

        Assert.Equal(VerificationFailure.BadSignature, Verifier().Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, tampered).Failure);
    }

    [Fact]
    public void A_wrong_signature_is_refused()
    {
        var wrong = Vectors.Slack.Signature[..^1] + (Vectors.Slack.Signature[^1] == '3' ? '4' : '3');

        Assert.Equal(VerificationFailure.BadSignature, Verifier().Verify(Vectors.Slack.Timestamp, wrong, VectorBody).Failure);
    }

    [Fact]
    public void A_request_signed_with_another_secret_is_refused()
    {
        Assert.Equal(VerificationFailure.BadSignature, Verifier("another-secret").Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody).Failure);
    }

    [Fact]
    public void Moving_the_timestamp_breaks_the_signature()
    {
        Assert.Equal(VerificationFailure.BadSignature, Verifier().Verify("1531420619", Vectors.Slack.Signature, VectorBody).Failure);
    }

    [Theory]
    [InlineData(null, Vectors.Slack.Signature)]
    [InlineData("", Vectors.Slack.Signature)]
    [InlineData("yesterday", Vectors.Slack.Signature)]
    [InlineData("-1531420618", Vectors.Slack.Signature)]
    [InlineData(Vectors.Slack.Timestamp, null)]
    [InlineData(Vectors.Slack.Timestamp, "")]
    [InlineData(Vectors.Slack.Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Vectors.Slack.Timestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Vectors.Slack.Timestamp, "v0=a2114d57")]
    public void Missing_or_unreadable_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.Equal(VerificationFailure.MissingCredentials, Verifier().Verify(timestamp, signature, VectorBody).Failure);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void A_timestamp_up_to_five_minutes_either_way_is_accepted(int secondsFromNow)
    {
        time = new FakeTimeProvider(Vectors.Slack.Now - TimeSpan.FromSeconds(secondsFromNow));

        Assert.True(Verifier().Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody).IsValid);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86_400)]
    public void A_timestamp_one_second_or_more_outside_the_window_is_refused_as_expired(int secondsFromNow)
    {
        time = new FakeTimeProvider(Vectors.Slack.Now - TimeSpan.FromSeconds(secondsFromNow));

        Assert.Equal(VerificationFailure.Expired, Verifier().Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody).Failure);
    }

    [Fact]
    public void The_same_request_is_refused_as_a_replay_the_second_time()
    {
        var verifier = Verifier();

        Assert.True(verifier.Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody).IsValid);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(VerificationFailure.Replayed, verifier.Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody).Failure);
        var upper = "v0=" + Vectors.Slack.Signature[3..].ToUpperInvariant();
        Assert.Equal(VerificationFailure.Replayed, verifier.Verify(Vectors.Slack.Timestamp, upper, VectorBody).Failure);
    }

    [Fact]
    public void Two_different_requests_in_the_same_second_are_both_accepted()
    {
        var verifier = Verifier();
        var other = Encoding.UTF8.GetBytes(Vectors.Slack.Body + "&text=list");
        var otherSignature = SlackRequestVerifier.Sign(Vectors.Slack.SigningSecret, Vectors.Slack.Timestamp, other);

        Assert.True(verifier.Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody).IsValid);
        Assert.True(verifier.Verify(Vectors.Slack.Timestamp, otherSignature, other).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_signing_secret_every_request_is_refused(string? secret)
    {
        Assert.Equal(VerificationFailure.NotConfigured, Verifier(secret).Verify(Vectors.Slack.Timestamp, Vectors.Slack.Signature, VectorBody).Failure);
    }
}
