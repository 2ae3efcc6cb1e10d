using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Http;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Slack;

/// <summary>
/// Slack's two webhooks, host-agnostic: the /peering slash command (POST /api/chat/slack/commands) and Block Kit
/// button clicks (POST /api/chat/slack/interactions). Each reads the raw body once, verifies the v0 signature on
/// those bytes, then parses. Slack waits 3 s: a slash command is answered inline when it is done in time, else with
/// "working on it" and a follow-up through response_url; a button click is answered through response_url.
/// </summary>
public sealed class SlackWebhook(
    SlackRequestVerifier verifier,
    ChatCommandHandler commands,
    SlackResponder responder,
    IOptionsMonitor<ChatOpsOptions> options,
    TimeProvider time,
    ILogger<SlackWebhook> logger)
{
    /// <summary>POST /api/chat/slack/commands (application/x-www-form-urlencoded).</summary>
    public async Task<ChatWebhookResponse> HandleCommandAsync(DurableTaskClient client, HttpRequest request)
    {
        var (form, refusal) = await ReadVerifiedFormAsync(request);
        if (form is null)
        {
            return refusal!;
        }

        if (Field(form, "ssl_check") == "1")
        {
            return ChatWebhookResponse.Empty();
        }

        var userId = Field(form, "user_id") ?? "";
        if (userId.Length == 0)
        {
            return ChatWebhookResponse.BadRequest("user_id is missing.");
        }

        var user = new ChatUser(ChatPlatforms.Slack, userId, Field(form, "user_name"));
        var text = Field(form, "text") ?? "";
        var deliveryId = Field(form, "trigger_id");
        var responseUrl = Field(form, "response_url");

        var work = CommandRunner.RunAsync(ct => commands.HandleTextAsync(client, text, user, deliveryId, ct), logger);
        if (await CommandRunner.WithinAsync(work, options.CurrentValue.Slack.ReplyBudget, time) is { } reply)
        {
            return ChatWebhookResponse.JsonBody(SlackMessages.CommandReply(reply));
        }

        _ = FollowUpAsync(work, responseUrl);
        return ChatWebhookResponse.JsonBody(SlackMessages.CommandReply(new ChatReply("Working on it… I'll answer here in a moment.")));
    }

    /// <summary>
    /// POST /api/chat/slack/interactions: block_actions from the notification buttons. A button's value is the
    /// command it stands for ("accept peering-…", "reject peering-…"); only accept, reject, status and teardown are
    /// taken from buttons. Always answered 200 at once; the reply goes to response_url.
    /// </summary>
    public async Task<ChatWebhookResponse> HandleInteractionAsync(DurableTaskClient client, HttpRequest request)
    {
        var (form, refusal) = await ReadVerifiedFormAsync(request);
        if (form is null)
        {
            return refusal!;
        }

        Interaction? interaction;
        try
        {
            interaction = Interaction.Read(Field(form, "payload") ?? "");
        }
        catch (JsonException)
        {
            return ChatWebhookResponse.BadRequest("payload is not JSON.");
        }

        if (interaction is null)
        {
            return ChatWebhookResponse.Empty();
        }

        var parsed = ChatCommandParser.Parse(interaction.Value);
        if (parsed.Command is not { Verb: ChatVerb.Accept or ChatVerb.Reject or ChatVerb.Status or ChatVerb.Teardown } command)
        {
            logger.LogWarning("Ignored a Slack button whose value is not a button command");
            return ChatWebhookResponse.Empty();
        }

        // Within the budget, the answer is posted before the click is acknowledged (nothing is left running after
        // the response, where a host may freeze it); a slower command or post finishes in the background.
        var budget = options.CurrentValue.Slack.ReplyBudget;
        var started = time.GetTimestamp();
        var work = CommandRunner.RunAsync(ct => commands.RunAsync(client, command, interaction.User, interaction.DeliveryId, ct), logger);
        var followUp = FollowUpAsync(work, interaction.ResponseUrl);
        await CommandRunner.FinishesWithinAsync(followUp, budget - time.GetElapsedTime(started), time);
        return ChatWebhookResponse.Empty();
    }

    private async Task<(Dictionary<string, StringValues>? Form, ChatWebhookResponse? Refusal)> ReadVerifiedFormAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, new ChatWebhookResponse(StatusCodes.Status405MethodNotAllowed, "POST only."));
        }

        var body = await WebhookBody.ReadAsync(request);
        if (body is null)
        {
            return (null, WebhookBody.TooLarge());
        }

        var verdict = verifier.Verify(
            request.Headers[SlackRequestVerifier.TimestampHeader].ToString(),
            request.Headers[SlackRequestVerifier.SignatureHeader].ToString(),
            body);
        if (!verdict.IsValid)
        {
            logger.LogWarning("Refused a Slack request: {Failure}", verdict.Failure);
            return (null, ChatWebhookResponse.Refused(verdict.Failure));
        }

        return (QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)), null);
    }

    private async Task FollowUpAsync(Task<ChatReply> work, string? responseUrl)
    {
        var reply = await work;
        await responder.RespondAsync(responseUrl, SlackMessages.FollowUp(reply), CancellationToken.None);
    }

    /// <summary>A form field's first value, or null when it is absent or empty.</summary>
    private static string? Field(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && value.Count > 0 && !string.IsNullOrEmpty(value[0]) ? value[0] : null;

    private sealed record Interaction(ChatUser User, string? Value, string? ResponseUrl, string? DeliveryId)
    {
        /// <summary>The first clicked button of a block_actions payload, or null for anything else.</summary>
        public static Interaction? Read(string payload)
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "block_actions"
                || !root.TryGetProperty("user", out var user) || Text(user, "id") is not { Length: > 0 } userId
                || !root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            {
                return null;
            }

            var action = actions[0];
            var value = Text(action, "value");
            if (value is null)
            {
                return null;
            }

            var deliveryId = Text(root, "trigger_id") ?? $"{userId}:{Text(action, "action_ts")}";
            return new Interaction(
                new ChatUser(ChatPlatforms.Slack, userId, Text(user, "username") ?? Text(user, "name")),
                value,
                Text(root, "response_url"),
                deliveryId);
        }

        private static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
