using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>GET /api/peerings[?state=…]: the sanitized views of all peerings.</summary>
public sealed class ListPeerings(PeeringApi api)
{
    [Function(nameof(ListPeerings))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.Peerings)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await api.ListAsync(client, req);
}
