using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// The Functions app's HTTP routes as minimal APIs. Each route only hands the request to <see cref="PeeringApi"/> —
/// the same class the Functions triggers call — so both hosts answer with the same bytes.
/// </summary>
internal static class PeeringEndpoints
{
    public static void MapPeeringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", HealthEndpoint.CheckAsync);

        // Portal routes: behind the function key when one is configured.
        var portal = api.MapGroup("/peerings").AddEndpointFilter<FunctionKeyFilter>();
        portal.MapPost("", (PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.StartAsync(client, request));
        portal.MapGet("", (PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.ListAsync(client, request));
        portal.MapGet("/{id}", (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.GetAsync(client, id, request));
        portal.MapDelete("/{id}", (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.TeardownAsync(client, id, request));

        // The receiver's consent: authorized by its approver key inside PeeringApi, never by the portal's key.
        var consent = api.MapGroup("/peerings/{id}");
        consent.MapPost("/accept", (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.DecideAsync(client, id, accept: true, request));
        consent.MapPost("/reject", (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.DecideAsync(client, id, accept: false, request));

        app.MapPortal();
    }
}
