using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>DescribeVpcs: the VPC's primary and assistant CIDRs, or null when the account cannot see it.</summary>
public sealed class DescribeVpcActivity(ITencentClientFactory clients) : TencentActivity<VpcTarget, VpcFacts?>(clients)
{
    protected override async Task<VpcFacts?> ExecuteAsync(VpcTarget input)
    {
        var client = Clients.Create(input.Account, input.Region);
        try
        {
            var response = await client.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [input.VpcId] });
            var vpc = (response.VpcSet ?? []).FirstOrDefault(v => v.VpcId == input.VpcId);
            return vpc?.ToFacts();
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
        {
            return null;
        }
    }
}
