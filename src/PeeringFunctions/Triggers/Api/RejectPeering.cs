using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/peerings/{id}/reject: the receiver's approver refuses; PeeringApi raises the decision event.</summary>
public sealed class RejectPeering(PeeringApi api)
{
    // Anonymous ON PURPOSE, like AcceptPeering: the receiver authenticates with its own approver key inside
    // PeeringApi.DecideAsync, not with the portal's function key.
    [Function(nameof(RejectPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Reject)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.DecideAsync(client, id, accept: false, req);
}
