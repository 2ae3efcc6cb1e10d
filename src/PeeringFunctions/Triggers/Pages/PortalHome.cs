using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>GET /api/portal[?state=…]: peerings grouped by state.</summary>
public sealed class PortalHome(PortalHandlers pages)
{
    // The portal's pages (PeeringFunctions.Portal renders them). Behind the portal's function key like the API's portal
    // routes: open /api/portal?code=<function key> in a browser; the pages keep the key on their own links.
    [Function(nameof(PortalHome))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.Portal)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.ListAsync(client, req);
}
