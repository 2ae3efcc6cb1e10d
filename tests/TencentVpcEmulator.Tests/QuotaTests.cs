using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>Quotas: live peerings per VPC (Use Limits 553/18830) and route entries per route table; both configurable.</summary>
public class QuotaTests
{
    private static object Create(string source, string destination, string name = "p") => new
    {
        SourceVpcId = source,
        PeeringConnectionName = name,
        DestinationVpcId = destination,
        DestinationUin = Demo.BetaUin,
        DestinationRegion = Demo.Shanghai,
        Bandwidth = 10,
    };

    /// <summary>beta VPCs in Shanghai with distinct CIDRs that overlap neither alpha nor each other.</summary>
    private static SeedVpc[] BetaPeers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Seeds.Vpc("beta", Demo.Shanghai, $"peer{i:d4}", $"192.168.{100 + i}.0/24"))];

    private static object NatRoute(int i) =>
        new { DestinationCidrBlock = $"192.168.{i}.0/24", GatewayType = "NAT", GatewayId = "nat-12345678" };

    [Fact]
    public async Task The_eleventh_live_peering_of_a_vpc_exceeds_its_quota_of_valid_peerings()
    {
        await using var emu = await Emulator.StartAsync(o => o.Seed = Seeds.DemoWith(BetaPeers(11)));
        for (var i = 0; i < 10; i++)
        {
            Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, $"vpc-peer{i:d4}")));
        }

        var message = Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-peer0010")), "LimitExceeded.VpcPeerAvaLimitExceeded");

        Assert.Contains(Demo.AlphaVpc, message, StringComparison.Ordinal);
        Assert.Equal(10, emu.Server.Snapshot().Peerings.Count);
    }

    [Fact]
    public async Task The_destination_vpc_at_its_quota_refuses_a_new_peering_too()
    {
        var alphaVpcs = Enumerable.Range(0, 2).Select(i => Seeds.Vpc("alpha", Demo.Guangzhou, $"alph{i:d4}", $"10.{100 + i}.0.0/16")).ToArray();
        await using var emu = await Emulator.StartAsync(o =>
        {
            o.Seed = Seeds.DemoWith(alphaVpcs);
            o.MaxLivePeeringsPerVpc = 1;
        });
        Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", Create("vpc-alph0000", Demo.BetaVpc)));

        var message = Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create("vpc-alph0001", Demo.BetaVpc)), "LimitExceeded.VpcPeerAvaLimitExceeded");

        Assert.Contains(Demo.BetaVpc, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_peerings_do_not_count_toward_the_quota()
    {
        await using var emu = await Emulator.StartAsync(o =>
        {
            o.Seed = Seeds.DemoWith(BetaPeers(2));
            o.MaxLivePeeringsPerVpc = 1;
        });
        var first = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-peer0000"))).Str("PeeringConnectionId");
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-peer0001")), "LimitExceeded.VpcPeerAvaLimitExceeded");

        Api.Ok(await emu.Beta("RejectVpcPeeringConnection", new { PeeringConnectionId = first }));

        Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-peer0001")));
    }

    [Fact]
    public async Task A_route_table_takes_two_hundred_entries_by_default_and_a_batch_past_that_is_refused_whole()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = Enumerable.Range(0, 199).Select(NatRoute).ToArray() }));

        var message = Api.Error(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { NatRoute(199), NatRoute(200) } }), "LimitExceeded");

        Assert.Contains(Demo.AlphaPeeringTable, message, StringComparison.Ordinal);
        Assert.Equal(199, emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes.Count);
        Api.Ok(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { NatRoute(199) } }));
        Assert.Equal(200, emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes.Count);
    }

    [Fact]
    public async Task The_route_quota_is_configurable_and_counts_the_entries_already_there()
    {
        await using var emu = await Emulator.StartAsync(o => o.MaxRoutesPerRouteTable = 2);
        Api.Ok(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { NatRoute(1) } }));

        Api.Error(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { NatRoute(2), NatRoute(3) } }), "LimitExceeded");

        Assert.Single(emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task A_quota_below_one_is_refused_when_the_emulator_starts()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Emulator.StartAsync(o => o.MaxRoutesPerRouteTable = 0));

        Assert.Contains(nameof(EmulatorOptions.MaxRoutesPerRouteTable), error.Message, StringComparison.Ordinal);
    }
}
