using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Web;

namespace PeeringFunctions.HttpApi;

/// <summary>
/// Adoption over HTTP (behind the portal's key, like the rest of the portal's API): list the ACTIVE peerings our
/// accounts see that we do not manage, and adopt one. Verifies and translates; <see cref="PeeringAdoption"/> decides.
/// </summary>
public sealed class AdoptionApi(PeeringAdoption adoption)
{
    /// <summary>Who adopted, as the record keeps it: the portal's key names no person.</summary>
    public const string AdoptedBy = "portal";

    /// <summary>GET /api/peerings/discovered</summary>
    public async Task<ApiResponse> DiscoverAsync(DurableTaskClient client, HttpRequest http)
    {
        var report = await adoption.DiscoverAsync(client, http.HttpContext.RequestAborted);
        return ApiResponse.Ok(DiscoveredPeeringList.Of(report));
    }

    /// <summary>POST /api/peerings/adopt {account, region, peeringConnectionId, repairPolicy}</summary>
    public async Task<ApiResponse> AdoptAsync(DurableTaskClient client, HttpRequest http)
    {
        var (body, bad) = await PeeringApi.ReadBodyAsync<AdoptionBody>(http, "an adoption");
        if (bad is not null)
        {
            return bad;
        }

        var (request, problems) = AdoptionValidator.Validate(body!);
        if (request is null)
        {
            return ApiResponse.Problem(StatusCodes.Status400BadRequest, "The adoption is invalid.",
                $"{problems.Count} field(s) break a rule; nothing was recorded.", problems);
        }

        var result = await adoption.AdoptAsync(client, request, AdoptedBy, http.HttpContext.RequestAborted);
        if (result.Record is { } record)
        {
            var location = HttpRoutes.PathOf(HttpRoutes.Peering, record.Id);
            return ApiResponse.Created(RegisteredPeeringView.From(record, teardown: null), location);
        }

        var (status, title) = AdoptionRefusals.HttpOf(result.Refusal);
        var problem = ApiResponse.Problem(status, title, result.Message);
        return result.Refusal == AdoptionRefusal.AlreadyManaged && result.Id is { } id
            ? problem with { Location = HttpRoutes.PathOf(HttpRoutes.Peering, id) }
            : problem;
    }
}
