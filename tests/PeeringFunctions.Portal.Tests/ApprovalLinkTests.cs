using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Portal.Tests;

public sealed class ApprovalLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Deadline = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider time = new(Now);

    private (ApprovalLinks Links, ApprovalTokens Tokens) Make(string? key = "approval-link-tests-key-0123456789abcdef", string? baseUrl = "https://func-api.example.net/")
    {
        var options = new PortalOptions { BaseUrl = baseUrl };
        var tokens = new ApprovalTokens(ApprovalSigningKey.From(key, allowEphemeral: false), time);
        return (new ApprovalLinks(tokens, new StaticOptions(options), time), tokens);
    }

    [Fact]
    public void The_link_is_absolute_under_the_base_url_and_its_token_expires_at_the_deadline()
    {
        var (links, tokens) = Make();

        var link = links.Create("peering-vpc-alpha001-vpc-beta0001", "pcx-abcd1234", "beta", Deadline);

        Assert.StartsWith("https://func-api.example.net/api/approve?token=", link, StringComparison.Ordinal);
        var claims = tokens.Check(new Uri(link).Query["?token=".Length..], LinkPurpose.Decide).Claims!;
        Assert.Equal(new LinkClaims(LinkPurpose.Decide, "peering-vpc-alpha001-vpc-beta0001", "pcx-abcd1234", "beta", new DateTimeOffset(Deadline)), claims);
    }

    [Fact]
    public void Without_a_base_url_the_link_is_relative()
    {
        var (links, _) = Make(baseUrl: null);

        Assert.StartsWith("/api/approve?token=", links.Create("peering-vpc-a-vpc-b", "pcx-abcd1234", "beta", Deadline), StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_gets_a_link_only_for_a_managed_receiver_and_only_with_a_key()
    {
        var managed = new NotifyReceiverInput("peering-vpc-alpha001-vpc-beta0001", "pcx-abcd1234", "web", "beta", null, "alpha", Deadline);
        var external = managed with { ReceiverAccount = null, ReceiverUin = "100000000009" };

        Assert.NotNull(Make().Links.TryCreate(managed));
        Assert.Null(Make().Links.TryCreate(external));
        Assert.Null(Make(key: null).Links.TryCreate(managed));
        Assert.False(Make(key: null).Links.CanCreate);
    }

    private sealed class StaticOptions(PortalOptions value) : IOptionsMonitor<PortalOptions>
    {
        public PortalOptions CurrentValue => value;

        public PortalOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<PortalOptions, string?> listener) => null;
    }
}
