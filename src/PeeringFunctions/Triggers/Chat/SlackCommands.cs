using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Chat;

/// <summary>POST /api/chat/slack/commands: the /peering slash command.</summary>
public sealed class SlackCommands(SlackWebhook slack)
{
    // Anonymous: Slack cannot send a function key; the request is verified by its v0 signature inside SlackWebhook.
    [Function(nameof(SlackCommands))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.SlackCommands)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await slack.HandleCommandAsync(client, req);
}
