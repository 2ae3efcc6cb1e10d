using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>DELETE /api/topologies/{id}: tears down every pair the topology created.</summary>
public sealed class TeardownTopology(TopologyApi api)
{
    [Function(nameof(TeardownTopology))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = HttpRoutes.Topology)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.TeardownAsync(client, id, req);
}
