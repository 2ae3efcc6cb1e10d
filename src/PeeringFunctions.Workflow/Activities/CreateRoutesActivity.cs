using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// One batched CreateRoutes per route table: every destination next-hops to the peering (PEERCONNECTION = pcx id).
/// Duplicate-safe: when Tencent answers Duplicate (an earlier attempt's reply was lost) the table is read back and
/// only the routes still missing are created.
/// </summary>
public sealed class CreateRoutesActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<CreateRoutesInput, CreateRoutesResult>(clients, audit)
{
    protected override async Task<CreateRoutesResult> ExecuteAsync(TaskActivityContext context, CreateRoutesInput input)
    {
        var client = Clients.Create(input.Account, input.Region);
        try
        {
            var created = await CreateAsync(context, client, input, input.Destinations);
            return new CreateRoutesResult(input.RouteTableId, created, []);
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.InvalidParameterValueDuplicate)
        {
            var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [input.RouteTableId] });
            var present = (response.RouteTableSet ?? []).SelectMany(t => t.RouteSet ?? [])
                .Where(r => r.GatewayType == GatewayTypes.PeerConnection && r.GatewayId == input.PeeringConnectionId
                    && input.Destinations.Contains(r.DestinationCidrBlock ?? ""))
                .Select(TencentMapping.ToFacts)
                .ToList();
            var missing = input.Destinations.Except(present.Select(r => r.DestinationCidrBlock)).ToList();
            var created = missing.Count == 0 ? [] : await CreateAsync(context, client, input, missing);
            return new CreateRoutesResult(input.RouteTableId, created, present);
        }
    }

    private async Task<IReadOnlyList<RouteFacts>> CreateAsync(TaskActivityContext context, IVpcClient client, CreateRoutesInput input, IReadOnlyList<string> destinations)
    {
        var response = await client.CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = input.RouteTableId,
            Routes = destinations.Select(destination => new Route
            {
                DestinationCidrBlock = destination,
                GatewayType = GatewayTypes.PeerConnection,
                GatewayId = input.PeeringConnectionId,
                RouteDescription = input.Description,
                Enabled = true,
            }).ToArray(),
        });
        var created = (response.RouteTableSet ?? []).SelectMany(t => t.RouteSet ?? []).Select(TencentMapping.ToFacts).ToList();
        await AuditWriteAsync(context, "CreateRoutes", input.Account, input.Region, response.RequestId,
            $"created routes in {input.RouteTableId} to {string.Join(", ", destinations)} via {input.PeeringConnectionId}" +
            (created.Count == 0 ? "" : $" ({string.Join(", ", created.Select(r => r.RouteItemId).OfType<string>())})"));
        return created;
    }
}
