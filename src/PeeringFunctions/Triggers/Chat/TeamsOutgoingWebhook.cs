using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.ChatOps.Teams;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Chat;

/// <summary>POST /api/chat/teams: a Teams outgoing webhook's text commands.</summary>
public sealed class TeamsOutgoingWebhook(TeamsWebhook teams)
{
    // Anonymous: verified by the HMAC of the body with the webhook's security token inside TeamsWebhook.
    [Function(nameof(TeamsOutgoingWebhook))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Teams)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await teams.HandleAsync(client, req);
}
