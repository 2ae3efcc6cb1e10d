using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Http;
using PeeringFunctions.ChatOps.Verification;

namespace PeeringFunctions.ChatOps.WeCom;

/// <summary>
/// The WeCom self-built app callback, host-agnostic (GET and POST /api/chat/wecom). GET is the URL verification:
/// verify msg_signature over the echostr and answer it decrypted, as text/plain. POST carries an encrypted message:
/// verify, decrypt, then run a text message as a command, or a template card button (template_card_event: EventKey is
/// the action, TaskId the peering id, optionally "@suffix") as accept/reject; the answer is an encrypted passive reply,
/// or "success" when there is nothing to say. WeCom retries after 5 s, so a slow command is answered "still working".
/// </summary>
public sealed class WeComWebhook(
    WeComRequestVerifier verifier,
    ChatCommandHandler commands,
    IOptionsMonitor<ChatOpsOptions> options,
    TimeProvider time,
    ILogger<WeComWebhook> logger)
{
    public const string Success = "success";

    public async Task<ChatWebhookResponse> HandleAsync(DurableTaskClient client, HttpRequest request)
    {
        var query = request.Query;
        if (HttpMethods.IsGet(request.Method))
        {
            var url = verifier.VerifyUrl(query["msg_signature"], query["timestamp"], query["nonce"], query["echostr"]);
            if (!url.IsValid)
            {
                logger.LogWarning("Refused a WeCom URL verification: {Failure}", url.Failure);
                return ChatWebhookResponse.Refused(url.Failure);
            }

            return ChatWebhookResponse.Text(url.Plaintext!);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return new ChatWebhookResponse(StatusCodes.Status405MethodNotAllowed, "GET or POST only.");
        }

        var body = await WebhookBody.ReadAsync(request);
        if (body is null)
        {
            return WebhookBody.TooLarge();
        }

        var encrypted = WeComMessages.EncryptedPart(Encoding.UTF8.GetString(body));
        if (string.IsNullOrEmpty(encrypted))
        {
            return ChatWebhookResponse.BadRequest("Expected WeCom's XML with an Encrypt element.");
        }

        var verdict = verifier.VerifyMessage(query["msg_signature"], query["timestamp"], query["nonce"], encrypted);
        if (!verdict.IsValid)
        {
            logger.LogWarning("Refused a WeCom callback: {Failure}", verdict.Failure);
            return ChatWebhookResponse.Refused(verdict.Failure);
        }

        var inbound = WeComMessages.ParseInbound(verdict.Plaintext!);
        var command = inbound is null ? null : CommandOf(inbound);
        if (inbound is null || command is null)
        {
            return ChatWebhookResponse.Text(Success);
        }

        var user = new ChatUser(ChatPlatforms.WeCom, inbound.FromUserName);
        var deliveryId = inbound.MsgId ?? $"{inbound.FromUserName}:{inbound.CreateTime}:{inbound.TaskId}:{inbound.EventKey}";
        var work = CommandRunner.RunAsync(
            ct => command.Command is { } parsed
                ? commands.RunAsync(client, parsed, user, deliveryId, ct)
                : Task.FromResult(new ChatReply(command.Error!, ChatReplyKind.Invalid)),
            logger);
        var reply = await CommandRunner.WithinAsync(work, options.CurrentValue.WeCom.ReplyBudget, time)
            ?? new ChatReply(CommandRunner.StillWorking);
        return PassiveReply(inbound, reply.Text);
    }

    /// <summary>What a message or card click asks for; null when it asks for nothing (other events).</summary>
    internal static ChatParseResult? CommandOf(WeComInbound inbound)
    {
        if (string.Equals(inbound.MsgType, "text", StringComparison.OrdinalIgnoreCase))
        {
            return ChatCommandParser.Parse(inbound.Content);
        }

        if (!string.Equals(inbound.MsgType, "event", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(inbound.Event, WeComInbound.TemplateCardEvent, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(inbound.EventKey))
        {
            return null;
        }

        // EventKey is either a whole command ("accept peering-…") or the action with the peering id in TaskId.
        var text = inbound.EventKey.Contains(' ', StringComparison.Ordinal) || string.IsNullOrEmpty(inbound.TaskId)
            ? inbound.EventKey
            : $"{inbound.EventKey} {inbound.TaskId.Split('@')[0]}";
        var parsed = ChatCommandParser.Parse(text);
        return parsed.Command is { Verb: ChatVerb.Accept or ChatVerb.Reject or ChatVerb.Status or ChatVerb.Teardown }
            ? parsed
            : ChatParseResult.Fail("That button doesn't stand for anything I can do.");
    }

    private ChatWebhookResponse PassiveReply(WeComInbound inbound, string text)
    {
        var crypto = verifier.Crypto();
        if (crypto is null)
        {
            return ChatWebhookResponse.Text(Success);
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var timestamp = now.ToString(CultureInfo.InvariantCulture);
        var nonce = WeComMessages.NewNonce();
        var encrypted = crypto.Encrypt(WeComMessages.PassiveText(inbound.FromUserName, options.CurrentValue.WeCom.CorpId!, now, text));
        return ChatWebhookResponse.XmlBody(WeComMessages.Envelope(encrypted, crypto.Sign(timestamp, nonce, encrypted), timestamp, nonce));
    }
}
