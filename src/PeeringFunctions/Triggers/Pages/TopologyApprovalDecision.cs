using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>POST /api/approve/topology?token=… (decision=accept|reject): the account's one decision for all its pairs.</summary>
public sealed class TopologyApprovalDecision(PortalHandlers pages)
{
    // Anonymous ON PURPOSE, like ApprovalDecision: the signed token is the credential; PortalHandlers checks it, that the
    // topology's same run still waits for this account, and refuses a form posted from another site.
    [Function(nameof(TopologyApprovalDecision))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.ApproveTopology)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.TopologyDecideAsync(client, req);
}
