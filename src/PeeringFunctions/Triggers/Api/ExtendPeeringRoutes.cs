using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/peerings/{id}/extend-routes: the portal routes the peer VPC's new CIDRs through the peering ("extend routes").</summary>
public sealed class ExtendPeeringRoutes(PeeringRepairApi api)
{
    [Function(nameof(ExtendPeeringRoutes))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.ExtendRoutes)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.ExtendRoutesAsync(client, id, req);
}
