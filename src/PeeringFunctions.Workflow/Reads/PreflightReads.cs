using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentAccess.Paging;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Reads;

/// <summary>
/// Pre-flight's three reads of one VPC, written once: the read activities call them one by one (one activity per
/// Tencent call), and a topology's planning, which answers before any orchestration starts, calls them for every member.
/// </summary>
public static class PreflightReads
{
    /// <summary>DescribeVpcs: the VPC's primary and assistant CIDRs, or null when the account cannot see it.</summary>
    public static async Task<VpcFacts?> VpcAsync(IVpcClient client, string vpcId)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var response = await client.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [vpcId] });
            var vpc = (response.VpcSet ?? []).FirstOrDefault(v => v.VpcId == vpcId);
            return vpc?.ToFacts();
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
        {
            return null;
        }
    }

    /// <summary>DescribeRouteTables for a whole VPC: every table with its routes and subnet associations, every page.</summary>
    public static async Task<IReadOnlyList<RouteTableFacts>> RouteTablesAsync(IVpcClient client, string vpcId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tables = await TencentPaging.ReadAllAsync<RouteTable>(async offset =>
        {
            var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest
            {
                Filters = [new Filter { Name = "vpc-id", Values = [vpcId] }],
                Offset = offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Limit = TencentPaging.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return (response.RouteTableSet, (long?)response.TotalCount);
        });

        return tables.Select(TencentMapping.ToFacts).ToList();
    }

    /// <summary>DescribeVpcPeeringConnections by VPC (vpc-id filter) or by id, every page; an unknown id is none.</summary>
    public static async Task<IReadOnlyList<PeeringFacts>> PeeringsAsync(IVpcClient client, string? vpcId, string? peeringConnectionId)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var peerings = await TencentPaging.ReadAllAsync<PeerConnection>(async offset =>
            {
                var request = new DescribeVpcPeeringConnectionsRequest { Offset = offset, Limit = TencentPaging.PageSize };
                if (peeringConnectionId is not null)
                {
                    request.PeeringConnectionIds = [peeringConnectionId];
                }
                else if (vpcId is not null)
                {
                    request.Filters = [new Filter { Name = "vpc-id", Values = [vpcId] }];
                }

                var response = await client.DescribeVpcPeeringConnections(request);
                return (response.PeerConnectionSet, response.TotalCount);
            });
            return peerings.Select(TencentMapping.ToFacts).ToList();
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound && peeringConnectionId is not null)
        {
            return [];
        }
    }

    /// <summary>What pre-flight reads about one managed VPC, the three reads at once.</summary>
    public static async Task<SideFacts> SideAsync(IVpcClient client, string vpcId)
    {
        var vpc = VpcAsync(client, vpcId);
        var tables = RouteTablesAsync(client, vpcId);
        var peerings = PeeringsAsync(client, vpcId, null);
        await Task.WhenAll(vpc, tables, peerings);
        return new SideFacts(await vpc, await tables, await peerings);
    }
}
