using System.Text;
using System.Text.Json.Nodes;
using PeeringFunctions.ChatOps.Notifications;

namespace PeeringFunctions.ChatOps.WeCom;

/// <summary>
/// WeCom group robot messages. A robot cannot receive clicks, so a decision request is a text_notice template card
/// whose links open the status page; the approvers answer by typing accept/reject to the app, or over HTTP.
/// </summary>
public static class WeComRobotMessages
{
    public static JsonObject Notice(ChatNotice notice) => notice.DecisionButtons ? Card(notice) : Markdown(notice);

    public static JsonObject Card(ChatNotice notice)
    {
        var horizontal = new JsonArray();
        foreach (var (key, value) in notice.Facts ?? [])
        {
            horizontal.Add(new JsonObject { ["keyname"] = key, ["value"] = value });
        }

        var jumps = new JsonArray { new JsonObject { ["type"] = 1, ["url"] = notice.StatusUrl, ["title"] = "Status" } };
        if (notice.AcceptUrl is { } acceptUrl)
        {
            horizontal.Add(new JsonObject { ["keyname"] = "Accept (POST)", ["value"] = acceptUrl, ["type"] = 1, ["url"] = acceptUrl });
        }

        return new JsonObject
        {
            ["msgtype"] = "template_card",
            ["template_card"] = new JsonObject
            {
                ["card_type"] = "text_notice",
                ["source"] = new JsonObject { ["desc"] = "VPC peering" },
                ["main_title"] = new JsonObject { ["title"] = notice.Title },
                ["sub_title_text"] = string.Join('\n', notice.Lines),
                ["horizontal_content_list"] = horizontal,
                ["jump_list"] = jumps,
                ["card_action"] = new JsonObject { ["type"] = 1, ["url"] = notice.StatusUrl },
            },
        };
    }

    public static JsonObject Markdown(ChatNotice notice)
    {
        var text = new StringBuilder().Append("**").Append(notice.Title).Append("**\n");
        foreach (var line in notice.Lines)
        {
            text.Append("> ").Append(line).Append('\n');
        }

        foreach (var (key, value) in notice.Facts ?? [])
        {
            text.Append("> ").Append(key).Append(": ").Append(value).Append('\n');
        }

        if (notice.AcceptUrl is { } acceptUrl)
        {
            text.Append("Accept over HTTP: POST ").Append(acceptUrl).Append(" with the approver key\n");
        }

        text.Append("[Status](").Append(notice.StatusUrl).Append(')');
        return new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = text.ToString() } };
    }
}
