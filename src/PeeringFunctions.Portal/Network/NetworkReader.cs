using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentAccess.Paging;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Network;

/// <summary>
/// Reads what the pages show from Tencent, through the same client factory as the activities (so the same
/// credentials, endpoint and rate limits): the accounts' VPCs for the request form, and the real state of a
/// peering's two sides for its picture. Reads only. Results are reused for a few seconds, so an open status page or
/// a busy form costs Tencent little.
/// </summary>
public sealed class NetworkReader(
    ITencentClientFactory clients,
    IOptionsMonitor<TencentOptions> tencent,
    IOptionsMonitor<PortalOptions> options,
    TimeProvider time,
    ILogger<NetworkReader> logger)
{
    private const int MaxParallelReads = 4;

    /// <summary>A safety cap on the pages of one listing (5,000 items): the pages are read while a person waits.</summary>
    private const int MaxPages = 50;
    private static readonly string PageSize = Text(TencentPaging.PageSize);
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Task<NetworkState> State)> pictures = new(StringComparer.Ordinal);
    private (DateTimeOffset At, Task<Inventory> Inventory)? inventory;

    /// <summary>Every managed account's VPCs in the configured regions, with their route tables and subnets.</summary>
    public Task<Inventory> InventoryAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (inventory is { } cached && now - cached.At < options.CurrentValue.InventoryCacheDuration
                && !cached.Inventory.IsFaulted && !cached.Inventory.IsCanceled)
            {
                return cached.Inventory;
            }

            // Not tied to this request's cancellation: other requests may share the read.
            var read = ReadInventoryAsync(CancellationToken.None);
            inventory = (now, read);
            return read.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the cached inventory (a test changed the cloud underneath).</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            inventory = null;
        }

        pictures.Clear();
    }

    /// <summary>
    /// The real state of a peering's sides. <paramref name="cacheKey"/> names the moment (instance, step, pcx): the
    /// same key within <see cref="PortalOptions.PictureCacheDuration"/> reuses the reads.
    /// </summary>
    public Task<NetworkState> ReadAsync(PeeringRequest request, string? peeringConnectionId, string cacheKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var stale in pictures.Where(p => now - p.Value.At >= options.CurrentValue.PictureCacheDuration).Select(p => p.Key).ToList())
        {
            pictures.TryRemove(stale, out _);
        }

        var entry = pictures.GetOrAdd(cacheKey, _ => (now, ReadStateAsync(request, peeringConnectionId, CancellationToken.None)));
        return entry.State.WaitAsync(cancellationToken);
    }

    private async Task<Inventory> ReadInventoryAsync(CancellationToken cancellationToken)
    {
        var accounts = tencent.CurrentValue.Accounts
            .OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
            .Select(a => new AccountInfo(a.Key, string.IsNullOrWhiteSpace(a.Value.Uin) ? null : a.Value.Uin.Trim()))
            .ToList();
        var regions = options.CurrentValue.EffectiveRegions;
        using var throttle = new SemaphoreSlim(MaxParallelReads);
        var reads = accounts.SelectMany(a => regions.Select(region => ReadRegionAsync(a.Alias, region, throttle, cancellationToken))).ToList();
        var results = await Task.WhenAll(reads);

        var vpcs = results.SelectMany(r => r.Vpcs)
            .OrderBy(v => v.Vpc.Account, StringComparer.OrdinalIgnoreCase)
            .ThenBy(v => v.Vpc.Region, StringComparer.Ordinal)
            .ThenBy(v => v.Vpc.VpcId, StringComparer.Ordinal)
            .ToList();
        return new Inventory(accounts, vpcs, results.Select(r => r.Problem).OfType<string>().ToList());
    }

    private async Task<(IReadOnlyList<VpcInventory> Vpcs, string? Problem)> ReadRegionAsync(
        string account, string region, SemaphoreSlim throttle, CancellationToken cancellationToken)
    {
        await throttle.WaitAsync(cancellationToken);
        try
        {
            var client = clients.Create(account, region);
            var vpcs = await TencentPaging.ReadAllAsync<Vpc>(async offset =>
            {
                var response = await client.DescribeVpcs(new DescribeVpcsRequest { Offset = Text(offset), Limit = PageSize }, cancellationToken);
                return (response.VpcSet, (long?)response.TotalCount);
            }, MaxPages);
            var result = new List<VpcInventory>();
            foreach (var vpc in vpcs.Where(v => v.VpcId is not null && v.CidrBlock is not null))
            {
                var tables = await ReadTablesAsync(client, vpc.VpcId!, cancellationToken);
                var subnets = await TencentPaging.ReadAllAsync<Subnet>(async offset =>
                {
                    var response = await client.DescribeSubnets(new DescribeSubnetsRequest
                    {
                        Filters = [new Filter { Name = "vpc-id", Values = [vpc.VpcId!] }],
                        Offset = Text(offset),
                        Limit = PageSize,
                    }, cancellationToken);
                    return (response.SubnetSet, (long?)response.TotalCount);
                }, MaxPages);
                result.Add(new VpcInventory(
                    ToInfo(account, region, vpc),
                    tables,
                    subnets.Where(s => s.SubnetId is not null)
                        .Select(s => new SubnetInfo(s.SubnetId!, s.SubnetName, s.CidrBlock ?? "", s.Zone, s.RouteTableId))
                        .OrderBy(s => s.SubnetId, StringComparer.Ordinal)
                        .ToList()));
            }

            return (result, null);
        }
        catch (Exception error) when (TencentErrors.IsReadFailure(error) && !cancellationToken.IsCancellationRequested)
        {
            var code = TencentErrors.Describe(error);
            logger.LogWarning("Reading the VPCs of {Account} in {Region} failed: {Code}", account, region, code);
            return ([], $"{account} in {region}: {code}");
        }
        finally
        {
            throttle.Release();
        }
    }

    private async Task<NetworkState> ReadStateAsync(PeeringRequest request, string? peeringConnectionId, CancellationToken cancellationToken)
    {
        var initiatorVpc = request.Initiator.IsManaged ? ReadVpcAsync(request.Initiator, cancellationToken) : Task.FromResult<VpcRead>(new(null, [], null));
        var receiverVpc = request.Receiver.IsManaged ? ReadVpcAsync(request.Receiver, cancellationToken) : Task.FromResult<VpcRead>(new(null, [], null));
        var peering = peeringConnectionId is null ? Task.FromResult<string?>(null) : ReadPeeringStateAsync(request.Initiator, peeringConnectionId, cancellationToken);
        await Task.WhenAll(initiatorVpc, receiverVpc, peering);

        var initiator = await initiatorVpc;
        var receiver = await receiverVpc;
        return new NetworkState(
            SideOf("Initiator", request.Initiator, initiator, peerVpc: receiver.Vpc, peeringConnectionId),
            SideOf("Receiver", request.Receiver, receiver, peerVpc: initiator.Vpc, peeringConnectionId),
            peeringConnectionId,
            await peering);
    }

    private SideState SideOf(string role, PeeringSide side, VpcRead read, VpcInfo? peerVpc, string? peeringConnectionId)
    {
        var uin = side.ExternalUin ?? (side.Account is null ? null : clients.UinOf(side.Account));
        if (!side.IsManaged)
        {
            return new SideState(role, null, uin, side.Region, side.VpcId, null, null, [], [], External: true, Problem: null);
        }

        var table = side.RouteTableId is null
            ? read.Tables.FirstOrDefault(t => t.Main)
            : read.Tables.FirstOrDefault(t => t.RouteTableId == side.RouteTableId);
        var destinations = side.DestinationCidrs is { Count: > 0 } given ? given
            : peerVpc is not null ? [peerVpc.CidrBlock]
            : [];
        var routes = destinations.Distinct(StringComparer.Ordinal).Select(destination =>
        {
            var existing = table?.Routes.FirstOrDefault(r => r.Destination == destination
                && peeringConnectionId is not null && r.GatewayId == peeringConnectionId);
            return new PlannedRoute(destination, peeringConnectionId ?? "the peering", existing is not null, existing?.Enabled ?? false);
        }).ToList();
        var subnets = side.Subnets.Select(subnetId =>
        {
            var current = read.Tables.FirstOrDefault(t => t.SubnetIds.Contains(subnetId));
            return new SubnetPlacement(subnetId, read.SubnetCidrs.GetValueOrDefault(subnetId), current?.RouteTableId,
                current is not null && table is not null && current.RouteTableId == table.RouteTableId);
        }).ToList();
        var problem = read.Problem ?? (read.Vpc is null ? "VPC not found" : table is null ? "route table not found" : null);
        return new SideState(role, side.Account, uin, side.Region, side.VpcId, read.Vpc, table?.RouteTableId ?? side.RouteTableId, routes, subnets,
            External: false, problem);
    }

    private sealed record VpcRead(VpcInfo? Vpc, IReadOnlyList<RouteTableInfo> Tables, string? Problem)
    {
        public Dictionary<string, string> SubnetCidrs { get; init; } = new(StringComparer.Ordinal);
    }

    private async Task<VpcRead> ReadVpcAsync(PeeringSide side, CancellationToken cancellationToken)
    {
        try
        {
            var client = clients.Create(side.Account!, side.Region);
            var vpcs = client.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [side.VpcId] }, cancellationToken);
            var tables = ReadTablesAsync(client, side.VpcId, cancellationToken);
            var subnets = side.Subnets.Count == 0
                ? Task.FromResult(new DescribeSubnetsResponse())
                : client.DescribeSubnets(new DescribeSubnetsRequest { SubnetIds = [.. side.Subnets] }, cancellationToken);
            await Task.WhenAll(vpcs, tables, subnets);
            var vpc = (await vpcs).VpcSet?.FirstOrDefault(v => v.VpcId == side.VpcId);
            return new VpcRead(vpc is null || vpc.CidrBlock is null ? null : ToInfo(side.Account!, side.Region, vpc), await tables, null)
            {
                SubnetCidrs = ((await subnets).SubnetSet ?? [])
                    .Where(s => s.SubnetId is not null && s.CidrBlock is not null)
                    .ToDictionary(s => s.SubnetId!, s => s.CidrBlock!, StringComparer.Ordinal),
            };
        }
        catch (Exception error) when (TencentErrors.IsReadFailure(error))
        {
            var code = TencentErrors.Describe(error);
            logger.LogWarning("Reading {Side} for the network picture failed: {Code}", side.Describe(), code);
            return new VpcRead(null, [], code);
        }
    }

    private async Task<string?> ReadPeeringStateAsync(PeeringSide initiator, string peeringConnectionId, CancellationToken cancellationToken)
    {
        try
        {
            var response = await clients.Create(initiator.Account!, initiator.Region).DescribeVpcPeeringConnections(
                new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = [peeringConnectionId] }, cancellationToken);
            return response.PeerConnectionSet?.FirstOrDefault(p => p.PeeringConnectionId == peeringConnectionId)?.State ?? "NOT FOUND";
        }
        catch (Exception error) when (TencentErrors.IsReadFailure(error))
        {
            logger.LogWarning("Reading peering {PeeringConnectionId} failed: {Code}", peeringConnectionId, TencentErrors.Describe(error));
            return null;
        }
    }

    private static async Task<IReadOnlyList<RouteTableInfo>> ReadTablesAsync(IVpcClient client, string vpcId, CancellationToken cancellationToken)
    {
        var tables = await TencentPaging.ReadAllAsync<RouteTable>(async offset =>
        {
            var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest
            {
                Filters = [new Filter { Name = "vpc-id", Values = [vpcId] }],
                Offset = Text(offset),
                Limit = PageSize,
            }, cancellationToken);
            return (response.RouteTableSet, (long?)response.TotalCount);
        }, MaxPages);
        return tables.Where(t => t.RouteTableId is not null).Select(ToInfo)
            .OrderByDescending(t => t.Main)
            .ThenBy(t => t.RouteTableId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The page's view of a table: our one mapping (<see cref="TencentMapping"/>) plus the name it shows.</summary>
    private static RouteTableInfo ToInfo(RouteTable table)
    {
        var facts = table.ToFacts();
        return new RouteTableInfo(
            facts.RouteTableId,
            table.RouteTableName,
            facts.Main,
            facts.AssociatedSubnetIds,
            facts.Routes.Select(r => new RouteInfo(r.DestinationCidrBlock, r.GatewayType, r.GatewayId, r.Enabled)).ToList());
    }

    private static VpcInfo ToInfo(string account, string region, Vpc vpc) => new(
        account,
        region,
        vpc.VpcId!,
        vpc.VpcName,
        vpc.CidrBlock!,
        (vpc.AssistantCidrSet ?? []).Where(c => c.AssistantType is null or 0).Select(c => c.CidrBlock).OfType<string>().ToList());

    /// <summary>DescribeVpcs, DescribeSubnets and DescribeRouteTables take Offset and Limit as strings.</summary>
    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
