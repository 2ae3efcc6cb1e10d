using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>
/// Lists the emulator answers from its indexes (peerings by viewer and by VPC, VPCs by owner) hold exactly what a scan
/// of the whole world would: deleted peerings, the receiver's region, same-account peerings, other accounts' records.
/// </summary>
public class IndexedListingTests
{
    private static object Create(string source, string destination, string uin, string region, string name) => new
    {
        SourceVpcId = source,
        PeeringConnectionName = name,
        DestinationVpcId = destination,
        DestinationUin = uin,
        DestinationRegion = region,
        Bandwidth = 10,
    };

    private static List<(string Id, string State)> Listed(System.Text.Json.JsonElement reply) =>
        [.. Api.Ok(reply).GetProperty("PeerConnectionSet").EnumerateArray().Select(p => (p.Str("PeeringConnectionId"), p.Str("State")))];

    [Fact]
    public async Task A_deleted_peering_stays_listed_to_each_side_in_its_own_region_in_creation_order()
    {
        await using var emu = await Emulator.StartAsync();
        var toShanghai = await emu.CreateAlphaToBetaAsync("to-shanghai");
        var toGuangzhou = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection",
            Create(Demo.AlphaVpc, Demo.BetaGuangzhouVpc, Demo.BetaUin, Demo.Guangzhou, "to-guangzhou"))).Str("PeeringConnectionId");
        Api.Ok(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = toShanghai }));

        Assert.Equal([(toShanghai, "DELETED"), (toGuangzhou, "PENDING")], Listed(await emu.Alpha("DescribeVpcPeeringConnections")));
        Assert.Equal([(toShanghai, "DELETED")], Listed(await emu.Beta("DescribeVpcPeeringConnections", region: Demo.Shanghai)));
        Assert.Equal([(toGuangzhou, "PENDING")], Listed(await emu.Beta("DescribeVpcPeeringConnections", region: Demo.Guangzhou)));
        Assert.Empty(Listed(await emu.Alpha("DescribeVpcPeeringConnections", region: Demo.Shanghai)));
    }

    [Fact]
    public async Task The_receiver_in_another_region_finds_the_request_by_its_vpc_and_state_only_in_the_destination_region()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();
        var filters = new { Filters = new object[] { new { Name = "vpc-id", Values = new[] { Demo.BetaVpc } }, new { Name = "state", Values = new[] { "PENDING" } } } };

        Assert.Equal([(id, "PENDING")], Listed(await emu.Beta("DescribeVpcPeeringConnections", filters, Demo.Shanghai)));
        Assert.Empty(Listed(await emu.Beta("DescribeVpcPeeringConnections", filters, Demo.Guangzhou)));
    }

    [Fact]
    public async Task A_same_account_peering_within_one_region_is_listed_once_and_blocks_a_second_one_in_either_direction()
    {
        await using var emu = await Emulator.StartAsync(o => o.Seed = Seeds.DemoWith(Seeds.Vpc("alpha", Demo.Guangzhou, "alphatwo", "10.20.0.0/16")));
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection",
            Create(Demo.AlphaVpc, "vpc-alphatwo", Demo.AlphaUin, Demo.Guangzhou, "same-account"))).Str("PeeringConnectionId");

        var listed = Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections"));
        Assert.Equal(1, listed.GetProperty("TotalCount").GetInt32());
        Assert.Equal([(id, "ACTIVE")], Listed(listed));
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection",
            Create("vpc-alphatwo", Demo.AlphaVpc, Demo.AlphaUin, Demo.Guangzhou, "again")), "UnsupportedOperation.VpcPeerAlreadyExist");
    }

    [Fact]
    public async Task Without_a_vpc_filter_describe_lists_only_the_callers_own_vpcs_subnets_and_route_tables_in_the_request_region()
    {
        await using var emu = await Emulator.StartAsync();

        Assert.Equal(["vpc-beta0001", "vpc-betaover"], Ids(await emu.Beta("DescribeVpcs"), "VpcSet", "VpcId"));
        Assert.Equal(["subnet-betaapp1", "subnet-betaover"], Ids(await emu.Beta("DescribeSubnets"), "SubnetSet", "SubnetId"));
        Assert.Equal(["rtb-betamain", "rtb-betaovmn", "rtb-betapcx1"], Ids(await emu.Beta("DescribeRouteTables"), "RouteTableSet", "RouteTableId"));
        Assert.Equal(["vpc-betagz01"], Ids(await emu.Beta("DescribeVpcs", region: Demo.Guangzhou), "VpcSet", "VpcId"));
        Assert.Equal(["rtb-betagzmn"], Ids(await emu.Beta("DescribeRouteTables", region: Demo.Guangzhou), "RouteTableSet", "RouteTableId"));
        Assert.Empty(Ids(await emu.Alpha("DescribeSubnets", region: Demo.Shanghai), "SubnetSet", "SubnetId"));
    }

    private static List<string> Ids(System.Text.Json.JsonElement reply, string set, string field) =>
        [.. Api.Ok(reply).GetProperty(set).EnumerateArray().Select(e => e.Str(field))];
}
