using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentAccess.Paging;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>DescribeVpcPeeringConnections, by VPC or by id, every page.</summary>
public sealed class DescribePeeringsActivity(ITencentClientFactory clients)
    : TencentActivity<PeeringLookup, IReadOnlyList<PeeringFacts>>(clients)
{
    protected override async Task<IReadOnlyList<PeeringFacts>> ExecuteAsync(PeeringLookup input)
    {
        var client = Clients.Create(input.Account, input.Region);
        return await ReadAsync(client, input);
    }

    internal static async Task<IReadOnlyList<PeeringFacts>> ReadAsync(
        TencentCloud.Vpc.V20170312.IVpcClient client, PeeringLookup input)
    {
        try
        {
            var peerings = await TencentPaging.ReadAllAsync<PeerConnection>(async offset =>
            {
                var request = new DescribeVpcPeeringConnectionsRequest { Offset = offset, Limit = TencentPaging.PageSize };
                if (input.PeeringConnectionId is not null)
                {
                    request.PeeringConnectionIds = [input.PeeringConnectionId];
                }
                else if (input.VpcId is not null)
                {
                    request.Filters = [new Filter { Name = "vpc-id", Values = [input.VpcId] }];
                }

                var response = await client.DescribeVpcPeeringConnections(request);
                return (response.PeerConnectionSet, response.TotalCount);
            });
            return peerings.Select(TencentMapping.ToFacts).ToList();
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound && input.PeeringConnectionId is not null)
        {
            return [];
        }
    }

    /// <summary>The live (PENDING or ACTIVE) peering between the two VPCs among those <paramref name="lookup"/> finds, or null.</summary>
    internal static async Task<PeeringFacts?> FindLiveAsync(
        TencentCloud.Vpc.V20170312.IVpcClient client, PeeringLookup lookup, string vpcA, string vpcB) =>
        (await ReadAsync(client, lookup)).FirstOrDefault(p => p.IsLive && p.Joins(vpcA, vpcB));
}
