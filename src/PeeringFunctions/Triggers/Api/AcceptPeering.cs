using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/peerings/{id}/accept: the receiver's approver consents; PeeringApi raises the decision event.</summary>
public sealed class AcceptPeering(PeeringApi api)
{
    // Anonymous ON PURPOSE. The caller is the receiver of the peering, not the portal: it must not need the portal's
    // function key, and holding that key must not be enough to consent on the receiver's behalf. PeeringApi.DecideAsync
    // authenticates the caller with the receiver account's own approver key (Authorization: Bearer <key>) and answers
    // 401/403 before any event is raised.
    [Function(nameof(AcceptPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Accept)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.DecideAsync(client, id, accept: true, req);
}
