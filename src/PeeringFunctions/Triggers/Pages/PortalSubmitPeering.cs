using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>POST /api/portal/new: refuses overlapping VPCs, else starts the peering and redirects to its status page.</summary>
public sealed class PortalSubmitPeering(PortalHandlers pages)
{
    // The portal's pages (PeeringFunctions.Portal renders them). Behind the portal's function key like the API's portal
    // routes: open /api/portal?code=<function key> in a browser; the pages keep the key on their own links.
    [Function(nameof(PortalSubmitPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.PortalNew)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.SubmitAsync(client, req);
}
