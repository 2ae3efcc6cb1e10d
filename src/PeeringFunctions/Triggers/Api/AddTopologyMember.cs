using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/topologies/{id}/members: a member added to an ended topology; TopologyApi plans and starts only its pairs.</summary>
public sealed class AddTopologyMember(TopologyApi api)
{
    [Function(nameof(AddTopologyMember))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HttpRoutes.TopologyMembers)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.AddMemberAsync(client, id, req);
}
