using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/peerings/{id}/repair: the portal repairs what the watcher found on a peering, whatever its policy.</summary>
public sealed class RepairPeering(PeeringRepairApi api)
{
    [Function(nameof(RepairPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.Repair)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.RepairAsync(client, id, req);
}
