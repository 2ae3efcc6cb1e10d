using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentAccess.Paging;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentAccess.Batched;

/// <summary>
/// Reads many peerings and VPCs of one (account, region) with as few calls as Tencent allows: per 100 ids, one paged
/// DescribeVpcPeeringConnections (by id), DescribeVpcs, DescribeRouteTables and DescribeSubnets (each by a vpc-id
/// filter of up to 100 values). Read-only. Its cost grows with the number of ids in the group, never with peerings one
/// by one.
/// </summary>
public sealed class BatchedGroupReader(ITencentClientFactory clients)
{
    /// <summary>The most ids in one id list or filter: Tencent's documented cap for id lists (and the emulator's for filters).</summary>
    public const int BatchSize = TencentPaging.PageSize;

    /// <param name="calls">Counts each call by action as it is made (so a caller knows the cost of a read that failed
    /// halfway too); <see cref="GroupFacts.Calls"/> is the same dictionary.</param>
    /// <exception cref="TencentCloudSDKException">A read failed (after the client's own retries).</exception>
    /// <exception cref="UnknownAccountException">The account is not configured.</exception>
    public async Task<GroupFacts> ReadAsync(
        string account, string region, IEnumerable<string> peeringConnectionIds, IEnumerable<string> vpcIds,
        Dictionary<string, int>? calls = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peeringConnectionIds);
        ArgumentNullException.ThrowIfNull(vpcIds);
        calls ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var client = clients.Create(account, region);
        var pcxIds = peeringConnectionIds.Distinct(StringComparer.Ordinal).ToList();
        var vpcs = vpcIds.Distinct(StringComparer.Ordinal).ToList();

        var peerings = new Dictionary<string, PeeringFacts>(StringComparer.Ordinal);
        foreach (var chunk in pcxIds.Chunk(BatchSize))
        {
            foreach (var peering in await PeeringsAsync(client, chunk, vpcs, calls, cancellationToken))
            {
                if (chunk.Contains(peering.PeeringConnectionId, StringComparer.Ordinal))
                {
                    peerings[peering.PeeringConnectionId] = peering;
                }
            }
        }

        var vpcFacts = new Dictionary<string, VpcFacts>(StringComparer.Ordinal);
        var tables = new Dictionary<string, RouteTableFacts>(StringComparer.Ordinal);
        var subnets = new Dictionary<string, SubnetFacts>(StringComparer.Ordinal);
        foreach (var chunk in vpcs.Chunk(BatchSize))
        {
            Filter[] byVpc = [new Filter { Name = "vpc-id", Values = chunk }];
            var vpcPage = await ReadAsync(calls, "DescribeVpcs", async offset =>
            {
                var response = await client.DescribeVpcs(new DescribeVpcsRequest { Filters = byVpc, Offset = Text(offset), Limit = Text(BatchSize) }, cancellationToken);
                return (response.VpcSet, (long?)response.TotalCount);
            });
            foreach (var vpc in vpcPage.Select(v => v.ToFacts()).OfType<VpcFacts>())
            {
                vpcFacts[vpc.VpcId] = vpc;
            }

            var tablePage = await ReadAsync(calls, "DescribeRouteTables", async offset =>
            {
                var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest { Filters = byVpc, Offset = Text(offset), Limit = Text(BatchSize) }, cancellationToken);
                return (response.RouteTableSet, (long?)response.TotalCount);
            });
            foreach (var table in tablePage.Select(t => t.ToFacts()))
            {
                tables[table.RouteTableId] = table;
            }

            var subnetPage = await ReadAsync(calls, "DescribeSubnets", async offset =>
            {
                var response = await client.DescribeSubnets(new DescribeSubnetsRequest { Filters = byVpc, Offset = Text(offset), Limit = Text(BatchSize) }, cancellationToken);
                return (response.SubnetSet, (long?)response.TotalCount);
            });
            foreach (var subnet in subnetPage.Select(s => s.ToFacts()).OfType<SubnetFacts>())
            {
                subnets[subnet.SubnetId] = subnet;
            }
        }

        return new GroupFacts(account, region, peerings, vpcFacts, tables, subnets, calls);
    }

    /// <summary>
    /// The peerings with these ids. One id Tencent no longer shows fails the whole request (ResourceNotFound): then the
    /// peerings of the group's VPCs are read instead (a vpc-id filter), which answers for every id still visible.
    /// </summary>
    private static async Task<List<PeeringFacts>> PeeringsAsync(
        IVpcClient client, string[] ids, IReadOnlyList<string> vpcIds, Dictionary<string, int> calls, CancellationToken cancellationToken)
    {
        try
        {
            return await PagesAsync(new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = ids });
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
        {
            var all = new List<PeeringFacts>();
            foreach (var chunk in vpcIds.Chunk(BatchSize))
            {
                all.AddRange(await PagesAsync(new DescribeVpcPeeringConnectionsRequest { Filters = [new Filter { Name = "vpc-id", Values = chunk }] }));
            }

            return all;
        }

        async Task<List<PeeringFacts>> PagesAsync(DescribeVpcPeeringConnectionsRequest request)
        {
            var page = await ReadAsync(calls, "DescribeVpcPeeringConnections", async offset =>
            {
                request.Offset = offset;
                request.Limit = BatchSize;
                var response = await client.DescribeVpcPeeringConnections(request, cancellationToken);
                return (response.PeerConnectionSet, response.TotalCount);
            });
            return [.. page.Select(p => p.ToFacts())];
        }
    }

    /// <summary>Every page of one action, each call counted under its name.</summary>
    private static Task<List<T>> ReadAsync<T>(Dictionary<string, int> calls, string action, Func<int, Task<(T[]? Items, long? Total)>> readPage) =>
        TencentPaging.ReadAllAsync<T>(async offset =>
        {
            calls[action] = calls.GetValueOrDefault(action) + 1;
            var (items, total) = await readPage(offset).ConfigureAwait(false);
            return ((IEnumerable<T>?)items, total);
        });

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
