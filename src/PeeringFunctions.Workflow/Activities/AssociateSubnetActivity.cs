using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// ReplaceRouteTableAssociation: points a subnet at a route table. Idempotent by nature (moving a subnet to the
/// table it is already on changes nothing), so a retry after a lost reply is safe without a read.
/// </summary>
public sealed class AssociateSubnetActivity(ITencentClientFactory clients) : TencentActivity<AssociateSubnetInput, string>(clients)
{
    protected override async Task<string> ExecuteAsync(AssociateSubnetInput input)
    {
        var client = Clients.Create(input.Account, input.Region);
        await client.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            RouteTableId = input.RouteTableId,
            SubnetId = input.SubnetId,
        });
        return input.RouteTableId;
    }
}
