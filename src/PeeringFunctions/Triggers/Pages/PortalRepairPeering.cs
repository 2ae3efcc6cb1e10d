using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>POST /api/portal/peerings/{id}: the status page's "Repair now" and "Extend routes" buttons.</summary>
public sealed class PortalRepairPeering(PortalHandlers pages)
{
    [Function(nameof(PortalRepairPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.PortalPeering)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await pages.RepairAsync(client, id, req);
}
