using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/peerings: the portal asks for a new peering; PeeringApi validates it and starts the orchestration.</summary>
public sealed class StartPeering(PeeringApi api)
{
    [Function(nameof(StartPeering))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.Peerings)] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        await api.StartAsync(client, req);
}
