using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// EnableRoutes for the routes of a table that next-hop to the peering, go to one of the destinations and are
/// disabled. Reading the table first makes it idempotent: a route already enabled (or gone) is not touched.
/// </summary>
public sealed class EnableRoutesActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<EnableRoutesInput, int>(clients, audit)
{
    /// <returns>How many routes this call enabled (0 when none was disabled).</returns>
    protected override async Task<int> ExecuteAsync(TaskActivityContext context, EnableRoutesInput input)
    {
        var client = Clients.Create(input.Account, input.Region);
        var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [input.RouteTableId] });
        var disabled = (response.RouteTableSet ?? []).SelectMany(t => t.RouteSet ?? [])
            .Where(r => r.GatewayType == GatewayTypes.PeerConnection && r.GatewayId == input.PeeringConnectionId
                && r.Enabled == false && input.Destinations.Contains(r.DestinationCidrBlock ?? "") && r.RouteItemId is not null)
            .Select(r => r.RouteItemId!)
            .ToArray();
        if (disabled.Length == 0)
        {
            return 0;
        }

        var enabled = await client.EnableRoutes(new EnableRoutesRequest { RouteTableId = input.RouteTableId, RouteItemIds = disabled });
        await AuditWriteAsync(context, "EnableRoutes", input.Account, input.Region, enabled.RequestId,
            $"enabled routes {string.Join(", ", disabled)} in {input.RouteTableId} (via {input.PeeringConnectionId})");
        return disabled.Length;
    }
}
