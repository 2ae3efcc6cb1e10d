using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Reads;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>DescribeVpcs: the VPC's primary and assistant CIDRs, or null when the account cannot see it.</summary>
public sealed class DescribeVpcActivity(ITencentClientFactory clients) : TencentActivity<VpcTarget, VpcFacts?>(clients)
{
    protected override Task<VpcFacts?> ExecuteAsync(VpcTarget input) =>
        PreflightReads.VpcAsync(Clients.Create(input.Account, input.Region), input.VpcId);
}
