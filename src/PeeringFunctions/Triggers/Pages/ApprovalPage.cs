using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>GET /api/approve?token=…: the approval page (who asks, both VPCs and CIDRs, routes, deadline, Accept / Reject).</summary>
public sealed class ApprovalPage(PortalHandlers pages)
{
    // The receiver's link pages. Anonymous ON PURPOSE, like AcceptPeering: the receiver has no portal key, and the
    // portal's key must not be enough to decide for it. The signed token in ?token= is the only credential; PortalHandlers
    // checks it (signature, expiry, purpose) and that it names this peering, its pcx and its receiver before anything is
    // shown, and that the peering still waits before a decision is raised. The app has no route that mints a token.
    [Function(nameof(ApprovalPage))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpRoutes.Approve)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.ApprovalAsync(client, req);
}
