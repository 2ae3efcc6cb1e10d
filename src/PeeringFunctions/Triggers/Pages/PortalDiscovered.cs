using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>GET /api/portal/discovered: the peerings our accounts see that nothing here manages, each with its adopt form.</summary>
public sealed class PortalDiscovered(PortalHandlers pages)
{
    [Function(nameof(PortalDiscovered))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.PortalDiscovered)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.DiscoveredAsync(client, req);
}
