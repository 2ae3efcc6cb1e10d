using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>PATCH /api/peerings/{id} with {"bandwidthMbps": N}: the portal changes an active cross-region peering's bandwidth cap.</summary>
public sealed class ChangePeeringBandwidth(PeeringApi api)
{
    [Function(nameof(ChangePeeringBandwidth))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = HttpRoutes.Peering)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.ChangeBandwidthAsync(client, id, req);
}
