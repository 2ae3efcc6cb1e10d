using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentAccess.Paging;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// DescribeRouteTables for a whole VPC: every table with its routes and subnet associations. One read answers
/// "does the table exist", "which subnets are in this VPC and where do they point" and "which routes exist".
/// </summary>
public sealed class DescribeRouteTablesActivity(ITencentClientFactory clients)
    : TencentActivity<VpcTarget, IReadOnlyList<RouteTableFacts>>(clients)
{
    protected override async Task<IReadOnlyList<RouteTableFacts>> ExecuteAsync(VpcTarget input)
    {
        var client = Clients.Create(input.Account, input.Region);
        var tables = await TencentPaging.ReadAllAsync<RouteTable>(async offset =>
        {
            var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest
            {
                Filters = [new Filter { Name = "vpc-id", Values = [input.VpcId] }],
                Offset = offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Limit = TencentPaging.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return (response.RouteTableSet, (long?)response.TotalCount);
        });

        return tables.Select(TencentMapping.ToFacts).ToList();
    }
}
