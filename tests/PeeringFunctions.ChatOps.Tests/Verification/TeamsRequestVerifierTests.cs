using System.Text;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Tests.Verification;

/// <summary>Teams outgoing webhooks: HMAC-SHA256 over the body with the base64 security token, plus the activity's timestamp.</summary>
public sealed class TeamsRequestVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);

    private TeamsRequestVerifier Verifier(string? token = Vectors.Teams.SecurityToken) =>
        new(new StaticOptions<ChatOpsOptions>(new ChatOpsOptions { Teams = { SecurityToken = token } }), time, new ReplayGuard(time));

    private static byte[] Activity(DateTimeOffset timestamp, string text = "<at>peering</at> list") =>
        Encoding.UTF8.GetBytes(
            $$$"""{"type":"message","id":"1485983408511","timestamp":"{{{timestamp:yyyy-MM-ddTHH:mm:ss.fffffffZ}}}","text":"{{{text}}}","from":{"id":"29:1abc","name":"Megan"}}""");

    [Fact]
    public void The_fixture_body_signs_to_the_fixture_header()
    {
        Assert.Equal(Vectors.Teams.FixtureAuthorization, TeamsRequestVerifier.Sign(Vectors.Teams.SecurityToken, Encoding.UTF8.GetBytes(Vectors.Teams.FixtureBody)));
    }

    [Fact]
    public void The_fixture_signature_holds_but_a_body_without_a_timestamp_is_refused()
    {
        var result = Verifier().Verify(Vectors.Teams.FixtureAuthorization, Encoding.UTF8.GetBytes(Vectors.Teams.FixtureBody));

        // The MAC matches (otherwise this would be BadSignature); the missing timestamp is what is refused.
        Assert.Equal(VerificationFailure.Malformed, result.Failure);
    }

    [Fact]
    public void A_signed_activity_from_now_is_accepted()
    {
        var body = Activity(Now);

        Assert.True(Verifier().Verify(TeamsRequestVerifier.Sign(Vectors.Teams.SecurityToken, body), body).IsValid);
    }

    [Fact]
    public void A_tampered_body_is_refused_as_a_bad_signature()
    {
        var body = Activity(Now);
        var header = TeamsRequestVerifier.Sign(Vectors.Teams.SecurityToken, body);

        Assert.Equal(VerificationFailure.BadSignature, Verifier().Verify(header, Activity(Now, "<at>peering</at> accept peering-vpc-alpha001-vpc-beta0001")).Failure);
    }

    [Fact]
    public void A_signature_made_with_another_token_is_refused()
    {
        var body = Activity(Now);
        var header = TeamsRequestVerifier.Sign(Convert.ToBase64String(new byte[32]), body);

        Assert.Equal(VerificationFailure.BadSignature, Verifier().Verify(header, body).Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer u/DFwGPLoCKVWxQpqasYxiHrrDWWx2qBvpWSym4sQtE=")]
    [InlineData("HMAC not-base64")]
    [InlineData("HMAC AAAA")]
    public void A_missing_or_unreadable_Authorization_header_is_refused(string? header)
    {
        Assert.Equal(VerificationFailure.MissingCredentials, Verifier().Verify(header, Activity(Now)).Failure);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void The_activity_timestamp_must_be_within_five_minutes_either_way(int secondsAgo, bool accepted)
    {
        var body = Activity(Now - TimeSpan.FromSeconds(secondsAgo));

        var result = Verifier().Verify(TeamsRequestVerifier.Sign(Vectors.Teams.SecurityToken, body), body);

        Assert.Equal(accepted ? VerificationFailure.None : VerificationFailure.Expired, result.Failure);
    }

    [Fact]
    public void The_same_request_is_refused_as_a_replay_the_second_time()
    {
        var verifier = Verifier();
        var body = Activity(Now);
        var header = TeamsRequestVerifier.Sign(Vectors.Teams.SecurityToken, body);

        Assert.True(verifier.Verify(header, body).IsValid);
        Assert.Equal(VerificationFailure.Replayed, verifier.Verify(header, body).Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    public void Without_a_usable_security_token_every_request_is_refused(string? token)
    {
        var body = Activity(Now);

        Assert.Equal(VerificationFailure.NotConfigured, Verifier(token).Verify(Vectors.Teams.FixtureAuthorization, body).Failure);
    }
}
