using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Tests.Webhooks;

/// <summary>The Slack slash command and button webhooks, end to end at the HTTP level with signed raw bodies.</summary>
public sealed class SlackWebhookTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());
    private FakeChatServer server = null!;
    private ChatOpsHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeChatServer.StartAsync();
        host = ChatOpsHost.Create(new Dictionary<string, string?> { ["ChatOps:Slack:ResponseUrlHosts:0"] = "127.0.0.1" }, Now);
        host.Durable.With(PeeringInstances.Waiting(PeeringInstances.AlphaToBeta()));
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await server.DisposeAsync();
    }

    private SlackWebhook Webhook => host.Get<SlackWebhook>();

    private static HttpRequest Signed(string body, string? signature = null, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        return WebhookRequests.Post(bytes, "application/x-www-form-urlencoded", new Dictionary<string, string>
        {
            [SlackRequestVerifier.TimestampHeader] = timestamp,
            [SlackRequestVerifier.SignatureHeader] = signature ?? SlackRequestVerifier.Sign(Vectors.Slack.SigningSecret, timestamp, bytes),
        });
    }

    private string SlashCommand(string text, string userId = ChatOpsHost.SlackApprover, string trigger = "398738663015.1") => WebhookRequests.Form(
        ("token", "ignored"), ("team_id", "T1DC2JH3J"), ("user_id", userId), ("user_name", "roadrunner"), ("command", "/peering"),
        ("text", text), ("response_url", server.Url("/slack/response/1")), ("trigger_id", trigger));

    private string ButtonClick(string value, string userId = ChatOpsHost.SlackApprover) => WebhookRequests.Form(("payload", new JsonObject
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = "roadrunner", ["team_id"] = "T1DC2JH3J" },
        ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
        ["response_url"] = server.Url("/slack/actions/1"),
        ["actions"] = new JsonArray { new JsonObject { ["action_id"] = SlackMessages.AcceptActionId, ["value"] = value, ["action_ts"] = "1548426417.840180" } },
    }.ToJsonString()));

    [Fact]
    public async Task The_published_slash_command_request_is_verified_and_answered_with_the_usage()
    {
        using var vectorHost = ChatOpsHost.Create(fakeTime: Vectors.Slack.Now);
        var request = WebhookRequests.Post(Encoding.UTF8.GetBytes(Vectors.Slack.Body), "application/x-www-form-urlencoded", new Dictionary<string, string>
        {
            [SlackRequestVerifier.TimestampHeader] = Vectors.Slack.Timestamp,
            [SlackRequestVerifier.SignatureHeader] = Vectors.Slack.Signature,
        });

        var response = await vectorHost.Get<SlackWebhook>().HandleCommandAsync(vectorHost.Durable.Client, request);
        var (status, contentType, body) = await WebhookRequests.SendAsync(response, request);

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("ephemeral", (string?)json["response_type"]);
        Assert.StartsWith("Here is what I understand:", (string?)json["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_accept_from_an_approver_raises_the_decision_and_is_answered_in_the_channel()
    {
        var request = Signed(SlashCommand($"accept {id}"));

        var response = await Webhook.HandleCommandAsync(host.Durable.Client, request);

        var decision = host.Durable.SingleDecision();
        Assert.Equal("slack:U2CERLKJA", decision.DecidedBy);
        Assert.Equal("chat", decision.Source);
        var json = JsonNode.Parse(response.Content!)!;
        Assert.Equal("in_channel", (string?)json["response_type"]);
        Assert.StartsWith("Accepted “web-to-db” for beta.", (string?)json["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_approver_is_told_no_privately_and_nothing_is_raised()
    {
        var response = await Webhook.HandleCommandAsync(host.Durable.Client, Signed(SlashCommand($"accept {id}", userId: "U0STRANGER")));

        Assert.Empty(host.Durable.Raised);
        var json = JsonNode.Parse(response.Content!)!;
        Assert.Equal("ephemeral", (string?)json["response_type"]);
        Assert.StartsWith("Sorry, roadrunner — only approvers of account beta", (string?)json["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_signature_is_answered_401_and_nothing_is_raised()
    {
        var request = Signed(SlashCommand($"accept {id}"), signature: "v0=" + new string('0', 64));

        var response = await Webhook.HandleCommandAsync(host.Durable.Client, request);
        var (status, _, body) = await WebhookRequests.SendAsync(response, request);

        Assert.Equal(401, status);
        Assert.DoesNotContain(Vectors.Slack.SigningSecret, body, StringComparison.Ordinal);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var honest = SlashCommand($"status {id}");
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackRequestVerifier.Sign(Vectors.Slack.SigningSecret, timestamp, Encoding.UTF8.GetBytes(honest));
        var request = Signed(honest.Replace("status", "accept", StringComparison.Ordinal), signature);

        var response = await Webhook.HandleCommandAsync(host.Durable.Client, request);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task An_old_request_is_refused()
    {
        var response = await Webhook.HandleCommandAsync(host.Durable.Client, Signed(SlashCommand($"accept {id}"), at: Now.AddMinutes(-6)));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task Replaying_a_request_is_refused_and_decides_only_once()
    {
        var body = SlashCommand($"accept {id}");
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackRequestVerifier.Sign(Vectors.Slack.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body));

        var first = await Webhook.HandleCommandAsync(host.Durable.Client, Signed(body, signature));
        var second = await Webhook.HandleCommandAsync(host.Durable.Client, Signed(body, signature));

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(401, second.StatusCode);
        Assert.Single(host.Durable.Raised);
    }

    [Fact]
    public async Task A_command_slower_than_Slacks_deadline_is_acknowledged_then_answered_through_response_url()
    {
        host.Durable.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = Webhook.HandleCommandAsync(host.Durable.Client, Signed(SlashCommand($"accept {id}")));
        Assert.False(pending.IsCompleted);
        host.Time!.Advance(TimeSpan.FromSeconds(3));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("Working on it", response.Content, StringComparison.Ordinal);
        Assert.Empty(host.Durable.Raised);
        host.Durable.Gate.SetResult();
        await host.WaitForLogAsync("Posted to SlackResponseUrl");
        var followUp = Assert.Single(server.Posts);
        Assert.Equal("/slack/response/1", followUp.Path);
        Assert.StartsWith("Accepted “web-to-db”", (string?)followUp.Json["text"], StringComparison.Ordinal);
        Assert.False((bool?)followUp.Json["replace_original"]);
        Assert.Single(host.Durable.Raised);
    }

    [Fact]
    public async Task An_accept_button_click_raises_the_decision_and_answers_through_response_url()
    {
        var response = await Webhook.HandleInteractionAsync(host.Durable.Client, Signed(ButtonClick($"accept {id}")));

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Content);
        Assert.Equal("slack:U2CERLKJA", host.Durable.SingleDecision().DecidedBy);
        await host.WaitForLogAsync("Posted to SlackResponseUrl");
        var followUp = Assert.Single(server.Posts);
        Assert.Equal("/slack/actions/1", followUp.Path);
        Assert.Equal("in_channel", (string?)followUp.Json["response_type"]);
        Assert.StartsWith("Accepted “web-to-db” for beta.", (string?)followUp.Json["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_click_by_a_non_approver_gets_a_private_refusal_and_raises_nothing()
    {
        await Webhook.HandleInteractionAsync(host.Durable.Client, Signed(ButtonClick($"reject {id}", userId: "U0STRANGER")));

        Assert.Empty(host.Durable.Raised);
        await host.WaitForLogAsync("Posted to SlackResponseUrl");
        var followUp = Assert.Single(server.Posts);
        Assert.Equal("ephemeral", (string?)followUp.Json["response_type"]);
        Assert.Contains("only approvers of account beta can reject", (string?)followUp.Json["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_whose_value_is_not_a_decision_does_nothing()
    {
        var response = await Webhook.HandleInteractionAsync(host.Durable.Client, Signed(ButtonClick("request name=x")));

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
        Assert.Empty(host.Durable.Started);
    }

    [Fact]
    public async Task A_forged_button_click_is_answered_401_and_nothing_is_raised()
    {
        var response = await Webhook.HandleInteractionAsync(host.Durable.Client, Signed(ButtonClick($"accept {id}"), signature: "v0=" + new string('a', 64)));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Durable.Raised);

        // A signed click that must post a follow-up to the same response_url: once its post has arrived, any post the
        // forged click had set off would be there too, so exactly one post means the forged click posted none.
        await Webhook.HandleInteractionAsync(host.Durable.Client, Signed(ButtonClick($"reject {id}", userId: "U0STRANGER")));
        await host.WaitForLogAsync("Posted to SlackResponseUrl");
        var sentinel = Assert.Single(server.Posts);
        Assert.Contains("only approvers of account beta can reject", (string?)sentinel.Json["text"], StringComparison.Ordinal);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task A_response_url_on_a_host_that_is_not_Slack_is_never_called()
    {
        using var strict = ChatOpsHost.Create(fakeTime: Now);
        strict.Durable.With(PeeringInstances.Waiting(PeeringInstances.AlphaToBeta()));

        await strict.Get<SlackWebhook>().HandleInteractionAsync(strict.Durable.Client, Signed(ButtonClick($"accept {id}")));

        Assert.Single(strict.Durable.Raised);
        await strict.WaitForLogAsync("not on an allowed host");
        Assert.Empty(server.Posts);
    }

    [Fact]
    public async Task Mentions_typed_into_a_command_are_escaped_in_the_reply()
    {
        var response = await Webhook.HandleCommandAsync(host.Durable.Client, Signed(SlashCommand("&lt;!channel&gt;")));

        var text = (string?)JsonNode.Parse(response.Content!)!["text"];
        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
    }
}
