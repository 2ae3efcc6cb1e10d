using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Triggers.Api;

/// <summary>POST /api/peerings/{id}/teardown: either side's approvers tear the peering down (the receiver's, above all).</summary>
public sealed class TeardownPeeringAsApprover(PeeringApi api)
{
    // Anonymous ON PURPOSE, like accept/reject. The Functions host checks a function key before any code runs, so
    // DELETE /api/peerings/{id} (the portal's key) cannot also take an approver's bearer key alone; and the portal's
    // key must not be enough to act for the receiver. PeeringApi.TeardownAsApproverAsync checks the approver key
    // (Authorization: Bearer <key>) of either side's account and answers 401/403 before anything starts.
    [Function(nameof(TeardownPeeringAsApprover))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpRoutes.Teardown)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string id) =>
        await api.TeardownAsApproverAsync(client, id, req);
}
