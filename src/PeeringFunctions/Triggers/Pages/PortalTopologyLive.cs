using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>GET /api/portal/topologies/{id}/live: the topology page's live parts (graph, consent, pairs), for its script.</summary>
public sealed class PortalTopologyLive(PortalHandlers pages)
{
    // The portal's pages (PeeringFunctions.Portal renders them). Behind the portal's function key like the API's portal
    // routes: open /api/portal?code=<function key> in a browser; the pages keep the key on their own links.
    [Function(nameof(PortalTopologyLive))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.PortalTopologyLive)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await pages.TopologyLiveAsync(client, id, req);
}
