using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>GET /api/portal/new: the request form, filled from the accounts' VPCs read from Tencent.</summary>
public sealed class PortalNewPeering(PortalHandlers pages)
{
    // The portal's pages (PeeringFunctions.Portal renders them). Behind the portal's function key like the API's portal
    // routes: open /api/portal?code=<function key> in a browser; the pages keep the key on their own links.
    [Function(nameof(PortalNewPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.PortalNew)] HttpRequest req) =>
        await pages.NewAsync(req);
}
