using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Batched;
using PeeringFunctions.TencentAccess.Tests.Support;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using TencentVpcEmulator;

namespace PeeringFunctions.TencentAccess.Tests.Batched;

/// <summary>
/// One (account, region) read in batches: per 100 ids, one paged call of each Describe action, never one per peering.
/// Counted on the emulator, which answers every call.
/// </summary>
public sealed class BatchedGroupReaderTests
{
    private const string Region = "ap-guangzhou";
    private const int VpcCount = 150;

    [Fact]
    public async Task A_group_of_150_vpcs_and_75_peerings_costs_one_call_of_each_describe_per_hundred_items()
    {
        await using var emulator = await TencentVpcEmulatorServer.StartAsync(new EmulatorOptions { Seed = Seed(), RandomSeed = 1 });
        var peerings = await PeerPairsAsync(emulator);
        using var services = Services.Access(Services.TwoAccounts(emulator.BaseUrl.ToString()), tencent: null);
        var reader = new BatchedGroupReader(services.GetRequiredService<ITencentClientFactory>());
        emulator.ResetCalls();

        var facts = await reader.ReadAsync("alpha", Region, peerings, VpcIds());

        var calls = emulator.Calls();
        Assert.Equal(1, calls.ForAction("DescribeVpcPeeringConnections").Total); // 75 ids
        Assert.Equal(2, calls.ForAction("DescribeVpcs").Total);                    // 150 VPCs: 100 + 50
        Assert.Equal(2, calls.ForAction("DescribeSubnets").Total);                 // 150 subnets, one per VPC
        Assert.Equal(3, calls.ForAction("DescribeRouteTables").Total);             // 300 tables: 200 (2 pages) + 100
        Assert.Equal(8, calls.Totals.Total);
        Assert.Equal(0, calls.Totals.Writes);
        Assert.Equal(calls.ForAction("DescribeRouteTables").Total, facts.Calls["DescribeRouteTables"]);

        Assert.Equal(75, facts.Peerings.Count);
        Assert.All(facts.Peerings.Values, p => Assert.Equal("ACTIVE", p.State));
        Assert.Equal(VpcCount, facts.Vpcs.Count);
        Assert.Equal(2 * VpcCount, facts.RouteTables.Count);
        Assert.Equal("rtb-m0000007", facts.Subnets["subnet-s0000007"].RouteTableId);
    }

    [Fact]
    public async Task A_peering_tencent_no_longer_knows_is_left_out_and_the_others_are_read_through_the_vpc_filter()
    {
        await using var emulator = await TencentVpcEmulatorServer.StartAsync(new EmulatorOptions { Seed = Seed(), RandomSeed = 1 });
        var peerings = await PeerPairsAsync(emulator);
        using var services = Services.Access(Services.TwoAccounts(emulator.BaseUrl.ToString()), tencent: null);
        var reader = new BatchedGroupReader(services.GetRequiredService<ITencentClientFactory>());
        emulator.ResetCalls();

        var facts = await reader.ReadAsync("alpha", Region, [.. peerings, "pcx-zzzzzzzz"], VpcIds());

        Assert.Equal(peerings.Order(StringComparer.Ordinal), facts.Peerings.Keys.Order(StringComparer.Ordinal));
        // One refused by id (ResourceNotFound), then one per 100 VPCs.
        var describe = emulator.Calls().ForAction("DescribeVpcPeeringConnections");
        Assert.Equal((3, 1), (describe.Total, describe.Errors));
    }

    private static IEnumerable<string> VpcIds() => Enumerable.Range(0, VpcCount).Select(i => $"vpc-v{i:0000000}");

    /// <summary>Peers VPC 2k with 2k+1 as alpha (one account: ACTIVE at once); the pcx ids.</summary>
    private static async Task<List<string>> PeerPairsAsync(TencentVpcEmulatorServer emulator)
    {
        var account = EmulatorSeed.Demo.Accounts.Single(a => a.Name == "alpha");
        var client = new VpcClient(new Credential(account.SecretId, account.SecretKey), Region,
            new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = emulator.BaseUrl } });
        var ids = new List<string>();
        for (var i = 0; i < VpcCount; i += 2)
        {
            var created = await client.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
            {
                SourceVpcId = $"vpc-v{i:0000000}", DestinationVpcId = $"vpc-v{i + 1:0000000}", PeeringConnectionName = $"pair-{i}",
                DestinationUin = account.Uin.ToString(System.Globalization.CultureInfo.InvariantCulture), DestinationRegion = Region,
            });
            ids.Add(created.PeeringConnectionId!);
        }

        return ids;
    }

    /// <summary>alpha and beta of the demo seed; alpha has 150 VPCs in one region, each with a main and a second table and one subnet.</summary>
    private static EmulatorSeed Seed() => new()
    {
        Accounts = [.. EmulatorSeed.Demo.Accounts],
        Vpcs =
        [
            .. Enumerable.Range(0, VpcCount).Select(i => new SeedVpc
            {
                Account = "alpha",
                Region = Region,
                VpcId = $"vpc-v{i:0000000}",
                CidrBlock = $"10.{i / 64}.{i % 64 * 4}.0/22",
                RouteTables =
                [
                    new SeedRouteTable { RouteTableId = $"rtb-m{i:0000000}", Main = true },
                    new SeedRouteTable { RouteTableId = $"rtb-p{i:0000000}" },
                ],
                Subnets = [new SeedSubnet { SubnetId = $"subnet-s{i:0000000}", CidrBlock = $"10.{i / 64}.{i % 64 * 4}.0/24", Zone = "ap-guangzhou-3", RouteTableId = $"rtb-m{i:0000000}" }],
            }),
        ],
    };
}
