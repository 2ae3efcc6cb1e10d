using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>GET /api/topologies/{id}: the topology with each account's consent and each pair's progress.</summary>
public sealed class GetTopology(TopologyApi api)
{
    [Function(nameof(GetTopology))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.Topology)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.GetAsync(client, id, req);
}
