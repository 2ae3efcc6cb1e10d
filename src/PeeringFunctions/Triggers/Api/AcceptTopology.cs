using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/topologies/{id}/accept: one receiving account's decision for all its pairs; TopologyApi raises it.</summary>
public sealed class AcceptTopology(TopologyApi api)
{
    // Anonymous ON PURPOSE, like AcceptPeering: the caller is a receiving account, authenticated inside TopologyApi by
    // its own approver key (Authorization: Bearer <key>), never by the portal's function key.
    [Function(nameof(AcceptTopology))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.TopologyAccept)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.DecideAsync(client, id, accept: true, req);
}
