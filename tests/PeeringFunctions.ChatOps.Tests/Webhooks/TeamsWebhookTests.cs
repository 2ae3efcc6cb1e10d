using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PeeringFunctions.ChatOps.Teams;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Tests.Webhooks;

/// <summary>The Teams outgoing webhook, end to end with HMAC-signed raw bodies.</summary>
public sealed class TeamsWebhookTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly ChatOpsHost host = ChatOpsHost.Create(fakeTime: Now);
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());

    public TeamsWebhookTests() => host.Durable.With(PeeringInstances.Waiting(PeeringInstances.AlphaToBeta()));

    public void Dispose() => host.Dispose();

    private static byte[] Activity(string text, string fromId = ChatOpsHost.TeamsApprover, string activityId = "1485983408511") =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["timestamp"] = Now.ToString("O"),
            ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = fromId, ["name"] = "Megan Bowen", ["aadObjectId"] = "6b1a0f3e-0000-4000-8000-0000000000ff" },
            ["conversation"] = new JsonObject { ["isGroup"] = true, ["id"] = "19:channel@thread.skype" },
            ["textFormat"] = "plain",
            ["text"] = text,
        }.ToJsonString());

    private static HttpRequest Signed(byte[] body, string? authorization = null) =>
        WebhookRequests.Post(body, "application/json", new Dictionary<string, string>
        {
            ["Authorization"] = authorization ?? TeamsRequestVerifier.Sign(Vectors.Teams.SecurityToken, body),
        });

    [Fact]
    public async Task An_accept_from_an_allow_listed_user_raises_the_decision_and_answers_with_a_message_activity()
    {
        var request = Signed(Activity($"<at>Peering</at> accept {id}"));

        var response = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, request);
        var (status, contentType, body) = await WebhookRequests.SendAsync(response, request);

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var message = JsonNode.Parse(body)!;
        Assert.Equal("message", (string?)message["type"]);
        Assert.StartsWith("Accepted “web-to-db” for beta.", (string?)message["text"], StringComparison.Ordinal);
        Assert.Contains($"\n\nStatus: {ChatOpsHost.PortalBaseUrl}/api/peerings/{id}", (string?)message["text"], StringComparison.Ordinal);
        var decision = host.Durable.SingleDecision();
        Assert.Equal("teams:29:1abc", decision.DecidedBy);
        Assert.Equal("chat", decision.Source);
    }

    [Fact]
    public async Task A_user_not_on_the_list_is_refused_politely_and_nothing_is_raised()
    {
        var response = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, Signed(Activity($"<at>Peering</at> accept {id}", fromId: "29:2xyz")));

        Assert.Empty(host.Durable.Raised);
        Assert.StartsWith("Sorry, Megan Bowen — only approvers of account beta", (string?)JsonNode.Parse(response.Content!)!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_HMAC_is_answered_401_and_nothing_is_raised()
    {
        var response = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, Signed(Activity($"<at>Peering</at> accept {id}"), Vectors.Teams.FixtureAuthorization));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task A_request_without_an_Authorization_header_is_answered_401()
    {
        var body = Activity($"<at>Peering</at> accept {id}");

        var response = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, WebhookRequests.Post(body, "application/json"));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task The_fixture_request_without_a_timestamp_is_answered_400_and_does_nothing()
    {
        var request = Signed(Encoding.UTF8.GetBytes(Vectors.Teams.FixtureBody), Vectors.Teams.FixtureAuthorization);

        var response = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, request);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task A_replayed_request_is_refused_the_second_time()
    {
        var body = Activity($"<at>Peering</at> accept {id}");

        var first = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, Signed(body));
        var second = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, Signed(body));

        Assert.Equal([200, 401], new[] { first.StatusCode, second.StatusCode });
        Assert.Single(host.Durable.Raised);
    }

    [Fact]
    public async Task Status_and_help_are_answered_for_anyone()
    {
        var status = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, Signed(Activity($"<at>Peering</at> status {id}", "29:2xyz", "a1")));
        var help = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, Signed(Activity("<at>Peering</at>", "29:2xyz", "a2")));

        Assert.Contains("is waiting for beta to accept", (string?)JsonNode.Parse(status.Content!)!["text"], StringComparison.Ordinal);
        Assert.StartsWith("Here is what I understand:", (string?)JsonNode.Parse(help.Content!)!["text"], StringComparison.Ordinal);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task Markup_typed_into_a_command_comes_back_escaped()
    {
        var response = await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client, Signed(Activity("<at>Peering</at> &lt;img src=x&gt;")));

        Assert.DoesNotContain("<img", (string?)JsonNode.Parse(response.Content!)!["text"], StringComparison.Ordinal);
    }
}
