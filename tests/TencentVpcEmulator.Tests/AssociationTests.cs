using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>ReplaceRouteTableAssociation (spec §4.13).</summary>
public class AssociationTests
{
    [Fact]
    public async Task A_subnet_moves_to_another_route_table_of_its_vpc()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.Alpha("ReplaceRouteTableAssociation", new { RouteTableId = Demo.AlphaPeeringTable, SubnetId = Demo.AlphaWebSubnet }));

        var subnet = Api.Ok(await emu.Alpha("DescribeSubnets", new { SubnetIds = new[] { Demo.AlphaWebSubnet } })).GetProperty("SubnetSet")[0];
        Assert.Equal(Demo.AlphaPeeringTable, subnet.Str("RouteTableId"));
        var tables = Api.Ok(await emu.Alpha("DescribeRouteTables", new { RouteTableIds = new[] { Demo.AlphaMainTable, Demo.AlphaPeeringTable } })).GetProperty("RouteTableSet");
        var peeringTable = tables.EnumerateArray().Single(t => t.Str("RouteTableId") == Demo.AlphaPeeringTable);
        Assert.Equal(Demo.AlphaWebSubnet, Assert.Single(peeringTable.GetProperty("AssociationSet").EnumerateArray()).Str("SubnetId"));
        Assert.Equal(Demo.AlphaPeeringTable, emu.Server.Snapshot().Subnet(Demo.AlphaWebSubnet)!.RouteTableId);
    }

    [Fact]
    public async Task A_route_table_of_another_vpc_is_vpc_mismatch()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Beta("ReplaceRouteTableAssociation", new { RouteTableId = Demo.BetaMainTable, SubnetId = Demo.BetaOverlappingSubnet }), "UnsupportedOperation.VpcMismatch");
        Assert.Equal("rtb-betaovmn", emu.Server.Snapshot().Subnet(Demo.BetaOverlappingSubnet)!.RouteTableId);
    }

    [Fact]
    public async Task The_subnet_id_is_required_and_must_be_visible()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("ReplaceRouteTableAssociation", new { RouteTableId = Demo.AlphaPeeringTable }), "InvalidParameterValue.Malformed");
        Api.Error(await emu.Alpha("ReplaceRouteTableAssociation", new { RouteTableId = Demo.AlphaPeeringTable, SubnetId = Demo.BetaAppSubnet }), "ResourceNotFound");
        Api.Error(await emu.Alpha("ReplaceRouteTableAssociation", new { RouteTableId = Demo.BetaPeeringTable, SubnetId = Demo.AlphaWebSubnet }), "ResourceNotFound");
    }
}
