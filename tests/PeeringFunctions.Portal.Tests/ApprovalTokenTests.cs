using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.Peerings.Approval;

namespace PeeringFunctions.Portal.Tests;

/// <summary>Signing and checking approval tokens: what a link grants, to whom, until when, and what breaks it.</summary>
public sealed class ApprovalTokenTests
{
    private const string Key = "approval-token-tests-key-0123456789abcdef";
    private const string Instance = "peering-vpc-alpha001-vpc-beta0001";
    private const string Pcx = "pcx-abcd1234";

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);

    private ApprovalTokens Tokens(string? key = Key, bool ephemeral = false) => new(ApprovalSigningKey.From(key, ephemeral), time);

    private static LinkClaims Decide(string account = "beta", string instance = Instance, string pcx = Pcx) =>
        new(LinkPurpose.Decide, instance, pcx, account, Now.AddHours(1));

    [Fact]
    public void A_token_checks_valid_with_exactly_the_claims_it_was_issued_with()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Decide());

        var check = tokens.Check(token, LinkPurpose.Decide);

        Assert.Equal(LinkVerdict.Valid, check.Verdict);
        Assert.True(check.IsValid);
        Assert.Equal(Decide(), check.Claims);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Fact]
    public void A_topology_token_checks_valid_only_as_a_topology_decision_and_a_peerings_token_never_as_one()
    {
        var tokens = Tokens();
        var claims = new LinkClaims(LinkPurpose.DecideTopology, "topology-core", ApprovalLinks.TopologyRunBinding(Now.AddHours(1)), "beta", Now.AddHours(1));
        var topology = tokens.Issue(claims);
        var peering = tokens.Issue(Decide());

        Assert.Equal(claims, tokens.Check(topology, LinkPurpose.DecideTopology).Claims);
        Assert.Equal(LinkVerdict.WrongPurpose, tokens.Check(topology, LinkPurpose.Decide).Verdict);
        Assert.Equal(LinkVerdict.WrongPurpose, tokens.Check(topology, LinkPurpose.Watch).Verdict);
        Assert.Equal(LinkVerdict.WrongPurpose, tokens.Check(peering, LinkPurpose.DecideTopology).Verdict);
    }

    [Fact]
    public void A_token_expires_at_the_expiry_it_carries_and_not_before()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Decide());

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(LinkVerdict.Valid, tokens.Check(token, LinkPurpose.Decide).Verdict);

        time.Advance(TimeSpan.FromMinutes(1));
        var expired = tokens.Check(token, LinkPurpose.Decide);
        Assert.Equal(LinkVerdict.Expired, expired.Verdict);
        Assert.False(expired.IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(30)]
    public void Changing_any_character_of_the_payload_or_the_signature_breaks_the_token(int fromEnd)
    {
        var tokens = Tokens();
        var token = tokens.Issue(Decide());
        var dot = token.IndexOf('.', StringComparison.Ordinal);

        foreach (var index in new[] { fromEnd, dot - 1 - fromEnd, dot + 1 + fromEnd, token.Length - 1 - fromEnd })
        {
            var chars = token.ToCharArray();
            chars[index] = chars[index] == 'A' ? 'B' : 'A';
            var tampered = new string(chars);

            var check = tokens.Check(tampered, LinkPurpose.Decide);

            Assert.Contains(check.Verdict, new[] { LinkVerdict.Forged, LinkVerdict.Malformed });
            Assert.Null(check.Claims);
        }
    }

    [Fact]
    public void A_payload_naming_another_account_peering_or_expiry_with_the_original_signature_is_forged()
    {
        var tokens = Tokens();
        var signature = tokens.Issue(Decide()).Split('.')[1];
        string Forge(string account, string instance, string pcx, long expiry) =>
            Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"pf1\nd\n{instance}\n{pcx}\n{account}\n{expiry}")) + "." + signature;
        var expiry = Now.AddHours(1).ToUnixTimeSeconds();

        Assert.Equal(LinkVerdict.Valid, tokens.Check(Forge("beta", Instance, Pcx, expiry), LinkPurpose.Decide).Verdict);
        Assert.Equal(LinkVerdict.Forged, tokens.Check(Forge("alpha", Instance, Pcx, expiry), LinkPurpose.Decide).Verdict);
        Assert.Equal(LinkVerdict.Forged, tokens.Check(Forge("beta", "peering-vpc-alpha001-vpc-betagz01", Pcx, expiry), LinkPurpose.Decide).Verdict);
        Assert.Equal(LinkVerdict.Forged, tokens.Check(Forge("beta", Instance, "pcx-other000", expiry), LinkPurpose.Decide).Verdict);
        Assert.Equal(LinkVerdict.Forged, tokens.Check(Forge("beta", Instance, Pcx, expiry + 86400), LinkPurpose.Decide).Verdict);
    }

    [Theory]
    [InlineData("", LinkVerdict.Missing)]
    [InlineData(null, LinkVerdict.Missing)]
    [InlineData("not-a-token", LinkVerdict.Malformed)]
    [InlineData(".", LinkVerdict.Malformed)]
    [InlineData("abc.", LinkVerdict.Malformed)]
    [InlineData(".abc", LinkVerdict.Malformed)]
    [InlineData("a.b.c", LinkVerdict.Malformed)]
    [InlineData("cGYx.AAAA", LinkVerdict.Malformed)]
    [InlineData("cGYx*.AAAA", LinkVerdict.Malformed)]
    public void Malformed_and_missing_tokens_are_refused_unread(string? token, LinkVerdict expected) =>
        Assert.Equal(expected, Tokens().Check(token, LinkPurpose.Decide).Verdict);

    [Fact]
    public void A_truncated_token_and_an_overlong_token_are_refused()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Decide());

        Assert.False(tokens.Check(token[..^1], LinkPurpose.Decide).IsValid);
        Assert.False(tokens.Check(token[..(token.Length / 2)], LinkPurpose.Decide).IsValid);
        Assert.Equal(LinkVerdict.Malformed, tokens.Check(token + new string('A', ApprovalTokens.MaxLength), LinkPurpose.Decide).Verdict);
    }

    [Fact]
    public void A_token_signed_with_another_key_is_forged()
    {
        var token = Tokens("another-key-entirely-0123456789abcdefghij").Issue(Decide());

        Assert.Equal(LinkVerdict.Forged, Tokens().Check(token, LinkPurpose.Decide).Verdict);
    }

    [Fact]
    public void A_watch_token_does_not_decide_and_an_approval_token_does_not_watch()
    {
        var tokens = Tokens();
        var watch = tokens.Issue(Decide() with { Purpose = LinkPurpose.Watch });
        var decide = tokens.Issue(Decide());

        Assert.Equal(LinkVerdict.WrongPurpose, tokens.Check(watch, LinkPurpose.Decide).Verdict);
        Assert.Equal(LinkVerdict.WrongPurpose, tokens.Check(decide, LinkPurpose.Watch).Verdict);
        Assert.Equal(LinkVerdict.Valid, tokens.Check(watch, LinkPurpose.Watch).Verdict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/portal-signing-key/)")]
    public void Without_a_usable_key_nothing_is_issued_or_accepted(string? configured)
    {
        var key = ApprovalSigningKey.From(configured, allowEphemeral: false);
        var tokens = new ApprovalTokens(key, time);

        Assert.False(key.IsConfigured);
        Assert.NotNull(key.Problem);
        Assert.False(tokens.CanIssue);
        Assert.Throws<InvalidOperationException>(() => tokens.Issue(Decide()));
        Assert.Equal(LinkVerdict.NotConfigured, tokens.Check(Tokens().Issue(Decide()), LinkPurpose.Decide).Verdict);
    }

    [Fact]
    public void The_local_hosts_random_key_works_for_its_own_run_only()
    {
        var first = Tokens(null, ephemeral: true);
        var second = Tokens(null, ephemeral: true);
        var token = first.Issue(Decide());

        Assert.True(ApprovalSigningKey.From(null, allowEphemeral: true).IsEphemeral);
        Assert.False(ApprovalSigningKey.From(Key, allowEphemeral: true).IsEphemeral);
        Assert.Equal(LinkVerdict.Valid, first.Check(token, LinkPurpose.Decide).Verdict);
        Assert.Equal(LinkVerdict.Forged, second.Check(token, LinkPurpose.Decide).Verdict);
    }

    [Fact]
    public void The_key_is_derived_so_the_configured_text_alone_does_not_sign_tokens()
    {
        // An HMAC over the payload with the raw configured text must not verify: the key is derived under a label.
        var token = Tokens().Issue(Decide());
        var payload = Base64Url.DecodeFromChars(token.Split('.')[0]);
        var raw = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), payload);

        Assert.NotEqual(token.Split('.')[1], Base64Url.EncodeToString(raw));
    }

    [Fact]
    public void Fields_that_could_split_the_payload_are_refused_when_issuing()
    {
        var tokens = Tokens();

        Assert.Throws<ArgumentException>(() => tokens.Issue(Decide(account: "beta\nd")));
        Assert.Throws<ArgumentException>(() => tokens.Issue(Decide(account: "")));
        Assert.Throws<ArgumentException>(() => tokens.Issue(Decide(pcx: new string('x', 101))));
    }

    [Fact]
    public void The_decision_key_of_a_token_is_stable_short_and_reveals_nothing_of_it()
    {
        var token = Tokens().Issue(Decide());

        var key = ApprovalTokens.DecisionKeyOf(token);

        Assert.Equal(key, ApprovalTokens.DecisionKeyOf(token));
        Assert.NotEqual(key, ApprovalTokens.DecisionKeyOf(token + "x"));
        Assert.True(key.Length <= 100);
        Assert.DoesNotContain(token.Split('.')[1], key, StringComparison.Ordinal);
    }
}
