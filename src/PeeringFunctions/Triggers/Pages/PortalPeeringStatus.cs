using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>GET /api/portal/peerings/{id}: the status page (progress line, outcome, network picture).</summary>
public sealed class PortalPeeringStatus(PortalHandlers pages)
{
    // The portal's pages (PeeringFunctions.Portal renders them). Behind the portal's function key like the API's portal
    // routes: open /api/portal?code=<function key> in a browser; the pages keep the key on their own links.
    [Function(nameof(PortalPeeringStatus))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.PortalPeering)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await pages.StatusAsync(client, id, req);
}
