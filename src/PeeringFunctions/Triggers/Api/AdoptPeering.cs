using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/peerings/adopt: the portal records an existing peering as managed, writing nothing to Tencent.</summary>
public sealed class AdoptPeering(AdoptionApi api)
{
    [Function(nameof(AdoptPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.Adopt)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await api.AdoptAsync(client, req);
}
