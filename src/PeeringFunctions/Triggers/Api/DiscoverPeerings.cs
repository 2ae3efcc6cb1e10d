using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>GET /api/peerings/discovered: ACTIVE peerings our accounts see that we do not manage yet, with their routes.</summary>
public sealed class DiscoverPeerings(AdoptionApi api)
{
    [Function(nameof(DiscoverPeerings))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.Discovered)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await api.DiscoverAsync(client, req);
}
