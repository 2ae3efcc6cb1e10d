using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// DeleteRoutes for every route in a table that next-hops to the peering, except those that existed before us.
/// Reading the table first makes it idempotent and also catches routes whose creation reply was lost.
/// </summary>
public sealed class DeleteRoutesActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<DeleteRoutesInput, int>(clients, audit)
{
    /// <returns>How many routes this call removed (0 when none were left).</returns>
    protected override async Task<int> ExecuteAsync(TaskActivityContext context, DeleteRoutesInput input)
    {
        var client = Clients.Create(input.Account, input.Region);
        try
        {
            var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [input.RouteTableId] });
            var doomed = (response.RouteTableSet ?? []).SelectMany(t => t.RouteSet ?? [])
                .Where(r => r.GatewayType == GatewayTypes.PeerConnection && r.GatewayId == input.PeeringConnectionId
                    && !input.KeepRouteItemIds.Contains(r.RouteItemId ?? ""))
                .ToList();
            if (doomed.Count == 0)
            {
                return 0;
            }

            var deleted = await client.DeleteRoutes(new DeleteRoutesRequest
            {
                RouteTableId = input.RouteTableId,
                Routes = doomed.Select(r => new Route { RouteItemId = r.RouteItemId }).ToArray(),
            });
            await AuditWriteAsync(context, "DeleteRoutes", input.Account, input.Region, deleted.RequestId,
                $"deleted routes in {input.RouteTableId} to {string.Join(", ", doomed.Select(r => r.DestinationCidrBlock))} via {input.PeeringConnectionId}");
            return doomed.Count;
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
        {
            return 0;
        }
    }
}
