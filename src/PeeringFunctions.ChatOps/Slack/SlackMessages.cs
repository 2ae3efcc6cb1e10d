using System.Text.Json.Nodes;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Notifications;

namespace PeeringFunctions.ChatOps.Slack;

/// <summary>Slack message JSON: command replies and Block Kit notices with Accept/Reject buttons.</summary>
public static class SlackMessages
{
    public const string AcceptActionId = "peering_accept";
    public const string RejectActionId = "peering_reject";
    public const string StatusActionId = "peering_status";

    /// <summary>Slack's control characters in text are &amp;, &lt; and &gt;; escaping them keeps echoed input from pinging or linking.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The answer to a slash command: decisions and starts are shown to the channel, the rest only to the user.</summary>
    public static JsonObject CommandReply(ChatReply reply) => new()
    {
        ["response_type"] = reply.Kind == ChatReplyKind.Done ? "in_channel" : "ephemeral",
        ["text"] = Escape(reply.Text),
    };

    /// <summary>A later answer through response_url; the original message (with its buttons) stays.</summary>
    public static JsonObject FollowUp(ChatReply reply)
    {
        var message = CommandReply(reply);
        message["replace_original"] = false;
        return message;
    }

    public static JsonObject Notice(ChatNotice notice)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = Mrkdwn($"*{Escape(notice.Title)}*\n{Escape(string.Join('\n', notice.Lines))}"),
            },
        };

        var elements = new JsonArray();
        if (notice.DecisionButtons && notice.InstanceId is { } id)
        {
            elements.Add(Button(AcceptActionId, "Accept", $"accept {id}", style: "primary"));
            var reject = Button(RejectActionId, "Reject", $"reject {id}", style: "danger");
            reject["confirm"] = new JsonObject
            {
                ["title"] = PlainText("Reject this peering?"),
                ["text"] = PlainText("The request is withdrawn and cannot be accepted later."),
                ["confirm"] = PlainText("Reject"),
                ["deny"] = PlainText("Cancel"),
            };
            elements.Add(reject);
        }

        var status = Button(StatusActionId, "Status", value: null);
        status["url"] = notice.StatusUrl;
        elements.Add(status);
        blocks.Add(new JsonObject { ["type"] = "actions", ["block_id"] = "peering_actions", ["elements"] = elements });

        if (notice.AcceptUrl is { } acceptUrl)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { Mrkdwn($"Accept over HTTP: `POST {Escape(acceptUrl)}` with the account's approver key") },
            });
        }

        return new JsonObject
        {
            ["text"] = Escape($"{notice.Title}: {string.Join(' ', notice.Lines)}"),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Button(string actionId, string text, string? value, string? style = null)
    {
        var button = new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["text"] = PlainText(text) };
        if (value is not null)
        {
            button["value"] = value;
        }

        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
