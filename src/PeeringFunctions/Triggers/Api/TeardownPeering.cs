using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>DELETE /api/peerings/{id}: the portal tears a completed peering down on both sides.</summary>
public sealed class TeardownPeering(PeeringApi api)
{
    [Function(nameof(TeardownPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = HttpRoutes.Peering)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.TeardownAsync(client, id, req);
}
