using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>POST /api/portal/discovered: adopts one of the listed peerings as it is, then goes to its status page.</summary>
public sealed class PortalAdoptPeering(PortalHandlers pages)
{
    [Function(nameof(PortalAdoptPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.PortalDiscovered)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.AdoptAsync(client, req);
}
