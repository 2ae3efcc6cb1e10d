using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// The Functions app's HTTP routes as minimal APIs. Each route only hands the request to <see cref="PeeringApi"/> —
/// the same class the Functions triggers call — so both hosts answer with the same bytes.
/// </summary>
internal static class PeeringEndpoints
{
    public static void MapPeeringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(HttpRoutes.Prefix);
        api.MapGet(HttpRoutes.Health, HealthEndpoint.CheckAsync);

        // Portal routes: behind the function key when one is configured.
        api.MapPost(HttpRoutes.Peerings, (PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.StartAsync(client, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.Peerings, (PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.ListAsync(client, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.Peering, (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.GetAsync(client, id, request)).RequireFunctionKey();
        api.MapDelete(HttpRoutes.Peering, (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.TeardownAsync(client, id, request)).RequireFunctionKey();
        api.MapPatch(HttpRoutes.Peering, (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.ChangeBandwidthAsync(client, id, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.Discovered, (AdoptionApi adoption, DurableTaskClient client, HttpRequest request) =>
            adoption.DiscoverAsync(client, request)).RequireFunctionKey();
        api.MapPost(HttpRoutes.Adopt, (AdoptionApi adoption, DurableTaskClient client, HttpRequest request) =>
            adoption.AdoptAsync(client, request)).RequireFunctionKey();
        api.MapPost(HttpRoutes.Repair, (string id, PeeringRepairApi repairs, DurableTaskClient client, HttpRequest request) =>
            repairs.RepairAsync(client, id, request)).RequireFunctionKey();
        api.MapPost(HttpRoutes.ExtendRoutes, (string id, PeeringRepairApi repairs, DurableTaskClient client, HttpRequest request) =>
            repairs.ExtendRoutesAsync(client, id, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.Audit, (string id, PeeringAuditApi audit, DurableTaskClient client, HttpRequest request) =>
            audit.GetAsync(client, id, request)).RequireFunctionKey();

        // The receiver's consent: authorized by its approver key inside PeeringApi, never by the portal's key.
        api.MapPost(HttpRoutes.Accept, (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.DecideAsync(client, id, accept: true, request));
        api.MapPost(HttpRoutes.Reject, (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.DecideAsync(client, id, accept: false, request));

        // A teardown by either side's approvers: their approver key, checked inside PeeringApi, like the consent above.
        api.MapPost(HttpRoutes.Teardown, (string id, PeeringApi peerings, DurableTaskClient client, HttpRequest request) =>
            peerings.TeardownAsApproverAsync(client, id, request));

        // Topologies: declared with the portal key; each receiving account decides with its own approver key.
        api.MapPost(HttpRoutes.Topologies, (TopologyApi topologies, DurableTaskClient client, HttpRequest request) =>
            topologies.StartAsync(client, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.Topologies, (TopologyApi topologies, DurableTaskClient client, HttpRequest request) =>
            topologies.ListAsync(client, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.Topology, (string id, TopologyApi topologies, DurableTaskClient client, HttpRequest request) =>
            topologies.GetAsync(client, id, request)).RequireFunctionKey();
        api.MapDelete(HttpRoutes.Topology, (string id, TopologyApi topologies, DurableTaskClient client, HttpRequest request) =>
            topologies.TeardownAsync(client, id, request)).RequireFunctionKey();
        api.MapPost(HttpRoutes.TopologyMembers, (string id, TopologyApi topologies, DurableTaskClient client, HttpRequest request) =>
            topologies.AddMemberAsync(client, id, request)).RequireFunctionKey();
        api.MapPost(HttpRoutes.TopologyAccept, (string id, TopologyApi topologies, DurableTaskClient client, HttpRequest request) =>
            topologies.DecideAsync(client, id, accept: true, request));
        api.MapPost(HttpRoutes.TopologyReject, (string id, TopologyApi topologies, DurableTaskClient client, HttpRequest request) =>
            topologies.DecideAsync(client, id, accept: false, request));

        api.MapPortal();
        api.MapChatWebhooks();
    }
}
