using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps.Http;

namespace PeeringFunctions.ChatOps.Slack;

/// <summary>Answers through a response_url, but only one on a configured Slack host (ChatOps:Slack:ResponseUrlHosts).</summary>
public sealed class SlackResponder(ChatPoster poster, IOptionsMonitor<ChatOpsOptions> options, ILogger<SlackResponder> logger)
{
    public async Task<bool> RespondAsync(string? responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        var url = ChatPoster.Parse(responseUrl);
        if (url is null || !options.CurrentValue.Slack.ResponseUrlHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            logger.LogWarning("Slack sent a response_url that is not on an allowed host; no follow-up was sent");
            return false;
        }

        return await poster.PostAsync(ChatChannelKind.SlackResponseUrl, "slack user", url, message, cancellationToken);
    }
}
