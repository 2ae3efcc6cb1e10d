using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>GET /api/approve/topology?token=…: a receiving account's page listing every pair a topology asks it to accept.</summary>
public sealed class TopologyApprovalPage(PortalHandlers pages)
{
    // Anonymous ON PURPOSE, like ApprovalPage: the signed token (purpose "topology decision", bound to one run's consent
    // deadline and one account) is the only credential, checked in PortalHandlers before anything is shown.
    [Function(nameof(TopologyApprovalPage))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.ApproveTopology)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.TopologyApprovalAsync(client, req);
}
