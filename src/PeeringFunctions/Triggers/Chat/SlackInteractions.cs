using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Chat;

/// <summary>POST /api/chat/slack/interactions: Block Kit button clicks (accept / reject).</summary>
public sealed class SlackInteractions(SlackWebhook slack)
{
    // Anonymous: verified by Slack's v0 signature inside SlackWebhook.
    [Function(nameof(SlackInteractions))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.SlackInteractions)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await slack.HandleInteractionAsync(client, req);
}
