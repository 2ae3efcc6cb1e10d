using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>GET /api/peerings/{id}/audit: the peering's audit trail (portal key), from the store beside the registry.</summary>
public sealed class GetPeeringAudit(PeeringAuditApi api)
{
    [Function(nameof(GetPeeringAudit))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HttpRoutes.Audit)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.GetAsync(client, id, req);
}
