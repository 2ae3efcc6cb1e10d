using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Reads;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// DescribeRouteTables for a whole VPC: every table with its routes and subnet associations. One read answers
/// "does the table exist", "which subnets are in this VPC and where do they point" and "which routes exist".
/// </summary>
public sealed class DescribeRouteTablesActivity(ITencentClientFactory clients)
    : TencentActivity<VpcTarget, IReadOnlyList<RouteTableFacts>>(clients)
{
    protected override Task<IReadOnlyList<RouteTableFacts>> ExecuteAsync(VpcTarget input) =>
        PreflightReads.RouteTablesAsync(Clients.Create(input.Account, input.Region), input.VpcId);
}
