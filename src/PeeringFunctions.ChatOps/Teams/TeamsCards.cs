using System.Text.Json.Nodes;
using PeeringFunctions.ChatOps.Notifications;

namespace PeeringFunctions.ChatOps.Teams;

/// <summary>
/// An Adaptive Card for a Teams Workflows webhook. Workflows cards cannot call back into us, so the only action is
/// Action.OpenUrl to the status page; a decision is typed to the outgoing webhook or made over HTTP.
/// </summary>
public static class TeamsCards
{
    public static JsonObject Notice(ChatNotice notice)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["size"] = "Medium", ["weight"] = "Bolder", ["text"] = notice.Title, ["wrap"] = true },
        };
        foreach (var line in notice.Lines)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = line, ["wrap"] = true });
        }

        var facts = new JsonArray();
        foreach (var (key, value) in notice.Facts ?? [])
        {
            facts.Add(new JsonObject { ["title"] = key, ["value"] = value });
        }

        if (notice.AcceptUrl is { } acceptUrl)
        {
            facts.Add(new JsonObject { ["title"] = "Accept over HTTP", ["value"] = $"POST {acceptUrl} with the approver key" });
        }

        if (facts.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["contentUrl"] = null,
                    ["content"] = new JsonObject
                    {
                        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                        ["type"] = "AdaptiveCard",
                        ["version"] = "1.4",
                        ["body"] = body,
                        ["actions"] = new JsonArray
                        {
                            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open status", ["url"] = notice.StatusUrl },
                        },
                    },
                },
            },
        };
    }
}
