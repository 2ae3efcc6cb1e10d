using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Http;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.Teams;

/// <summary>
/// A Teams outgoing webhook (POST /api/chat/teams): someone @mentions it in a channel with a command. Verify the
/// HMAC on the raw body, read the activity, run the command and answer within Teams' 5 s with a message activity.
/// Outgoing webhooks cannot take button clicks, so accept/reject are typed here.
/// </summary>
public sealed class TeamsWebhook(
    TeamsRequestVerifier verifier,
    ChatCommandHandler commands,
    IOptionsMonitor<ChatOpsOptions> options,
    TimeProvider time,
    ILogger<TeamsWebhook> logger)
{
    public async Task<ChatWebhookResponse> HandleAsync(DurableTaskClient client, HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return new ChatWebhookResponse(StatusCodes.Status405MethodNotAllowed, "POST only.");
        }

        var body = await WebhookBody.ReadAsync(request);
        if (body is null)
        {
            return WebhookBody.TooLarge();
        }

        var verdict = verifier.Verify(request.Headers.Authorization.ToString(), body);
        if (!verdict.IsValid)
        {
            logger.LogWarning("Refused a Teams request: {Failure}", verdict.Failure);
            return ChatWebhookResponse.Refused(verdict.Failure);
        }

        var activity = Activity.Read(body);
        if (activity is null)
        {
            return ChatWebhookResponse.BadRequest("Expected a message activity with text and from.id.");
        }

        var work = CommandRunner.RunAsync(ct => commands.HandleTextAsync(client, activity.Text, activity.User, activity.Id, ct), logger);
        var reply = await CommandRunner.WithinAsync(work, options.CurrentValue.Teams.ReplyBudget, time)
            ?? new ChatReply(CommandRunner.StillWorking);
        return ChatWebhookResponse.JsonBody(Message(reply));
    }

    /// <summary>The answer activity. Teams renders markdown: every line becomes its own paragraph, and markup is escaped.</summary>
    public static JsonObject Message(ChatReply reply) => new()
    {
        ["type"] = "message",
        ["text"] = Escape(reply.Text).Replace("\n", "\n\n", StringComparison.Ordinal),
    };

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private sealed record Activity(string? Id, string Text, ChatUser User)
    {
        public static Activity? Read(byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || Read(root, "text") is not { } text
                    || !root.TryGetProperty("from", out var from) || Read(from, "id") is not { Length: > 0 } fromId)
                {
                    return null;
                }

                var aad = Read(from, "aadObjectId");
                return new Activity(Read(root, "id"), text, new ChatUser(ChatPlatforms.Teams, fromId, Read(from, "name"), aad is null ? null : [aad]));
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Read(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
