using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// ReplaceRouteTableAssociation: points a subnet at a route table. Idempotent by nature (moving a subnet to the
/// table it is already on changes nothing), so a retry after a lost reply is safe without a read.
/// </summary>
public sealed class AssociateSubnetActivity(ITencentClientFactory clients, AuditWriter audit) : TencentActivity<AssociateSubnetInput, string>(clients, audit)
{
    protected override async Task<string> ExecuteAsync(TaskActivityContext context, AssociateSubnetInput input)
    {
        var client = Clients.Create(input.Account, input.Region);
        var response = await client.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            RouteTableId = input.RouteTableId,
            SubnetId = input.SubnetId,
        });
        await AuditWriteAsync(context, "ReplaceRouteTableAssociation", input.Account, input.Region, response.RequestId,
            $"associated subnet {input.SubnetId} with {input.RouteTableId}");
        return input.RouteTableId;
    }
}
