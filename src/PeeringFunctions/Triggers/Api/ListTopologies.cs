using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>GET /api/topologies: every topology, newest first, with its state and pairs active of total.</summary>
public sealed class ListTopologies(TopologyApi api)
{
    [Function(nameof(ListTopologies))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.Topologies)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await api.ListAsync(client, req);
}
