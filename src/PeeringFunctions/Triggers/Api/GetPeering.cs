using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>GET /api/peerings/{id}: the sanitized view of one peering (never the Durable management URLs).</summary>
public sealed class GetPeering(PeeringApi api)
{
    [Function(nameof(GetPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.Peering)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.GetAsync(client, id, req);
}
