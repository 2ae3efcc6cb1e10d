using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Repairs;
using PeeringFunctions.Web;

namespace PeeringFunctions.HttpApi;

/// <summary>
/// The portal's repair routes (portal key, like the other portal routes): POST /api/peerings/{id}/repair and
/// /extend-routes. No body; 202 with the peering's Location, 404 for an unknown id, 409 with the reason nothing started.
/// </summary>
public sealed class PeeringRepairApi(PeeringRepairs repairs)
{
    /// <summary>POST /api/peerings/{id}/repair: repair what the watcher found, whatever the peering's policy.</summary>
    public async Task<ApiResponse> RepairAsync(DurableTaskClient client, string id, HttpRequest http) =>
        Answer(id, await repairs.RepairNowAsync(client, id, http.HttpContext.RequestAborted, CallerNames.PortalCaller(http.HttpContext)), "Nothing was repaired.");

    /// <summary>POST /api/peerings/{id}/extend-routes: route the peer VPC's new CIDRs through the peering, after pre-flight.</summary>
    public async Task<ApiResponse> ExtendRoutesAsync(DurableTaskClient client, string id, HttpRequest http) =>
        Answer(id, await repairs.ExtendRoutesAsync(client, id, http.HttpContext.RequestAborted, CallerNames.PortalCaller(http.HttpContext)), "No route was added.");

    private static ApiResponse Answer(string id, RepairStartResult? result, string title)
    {
        var location = HttpRoutes.PathOf(HttpRoutes.Peering, id);
        return result switch
        {
            null => ApiResponse.Problem(StatusCodes.Status404NotFound, "No such peering.",
                $"There is no registered peering with id '{(id.Length > 80 ? id[..80] : id)}'."),
            { RepairId: { } repairId } => ApiResponse.Accepted(new { id, repairId }, location),
            _ => ApiResponse.Problem(StatusCodes.Status409Conflict, title, result.Refusal ?? "The peering cannot be repaired now.") with { Location = location },
        };
    }
}
