using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal;

namespace PeeringFunctions.Triggers.Pages;

/// <summary>POST /api/watch/teardown?token=…: the receiver's teardown button on its status link page.</summary>
public sealed class WatchTeardown(PortalHandlers pages)
{
    // Anonymous ON PURPOSE, like the other link pages: the receiver has no portal key. The signed watch token in
    // ?token= is the credential; PortalHandlers checks it names this peering, its pcx and its receiver first.
    [Function(nameof(WatchTeardown))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.WatchTeardown)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await pages.TeardownFromLinkAsync(client, req);
}
