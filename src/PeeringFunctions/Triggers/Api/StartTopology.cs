using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/topologies[?dryRun=true]: the portal declares a topology; TopologyApi validates and plans it, then starts it (or answers the plan).</summary>
public sealed class StartTopology(TopologyApi api)
{
    [Function(nameof(StartTopology))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.Topologies)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await api.StartAsync(client, req);
}
