using System.Globalization;
using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>CreateRoutes / DeleteRoutes rules (spec §4.8–4.10, §8).</summary>
public class RouteTests
{
    private static object Route(string destination, string gatewayId, string type = "PEERCONNECTION") =>
        new { DestinationCidrBlock = destination, GatewayType = type, GatewayId = gatewayId, RouteDescription = "to peer" };

    private static Task<JsonElement> CreateAsAlpha(Emulator emu, params object[] routes) =>
        emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = routes });

    [Fact]
    public async Task A_peering_route_is_created_with_an_id_an_item_id_and_user_type()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        var r = Api.Ok(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx)));
        Assert.Equal(1, r.GetProperty("TotalCount").GetInt32());
        var table = Assert.Single(r.GetProperty("RouteTableSet").EnumerateArray());
        Assert.Equal(Demo.AlphaPeeringTable, table.Str("RouteTableId"));
        var route = Assert.Single(table.GetProperty("RouteSet").EnumerateArray());
        Assert.Equal(1, route.GetProperty("RouteId").GetInt64());
        Assert.Matches("^rti-[a-z0-9]{8}$", route.Str("RouteItemId"));
        Assert.Equal("USER", route.Str("RouteType"));
        Assert.True(route.GetProperty("Enabled").GetBoolean());
        Assert.Equal("PEERCONNECTION", route.Str("GatewayType"));
        Assert.Equal(pcx, route.Str("GatewayId"));
        Assert.Equal("to peer", route.Str("RouteDescription"));
        Assert.True(DateTime.TryParseExact(route.Str("CreatedTime"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [Fact]
    public async Task The_response_lists_only_the_new_routes_and_route_ids_keep_increasing()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await CreateAsAlpha(emu, Route("172.16.1.0/24", pcx)));
        var r = Api.Ok(await CreateAsAlpha(emu, Route("172.16.2.0/24", pcx), Route("172.16.3.0/24", pcx)));
        var routes = r.GetProperty("RouteTableSet")[0].GetProperty("RouteSet").EnumerateArray().ToList();
        Assert.Equal([2L, 3L], routes.Select(x => x.GetProperty("RouteId").GetInt64()));
        Assert.Equal(3, emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes.Count);
    }

    [Fact]
    public async Task A_batch_with_one_bad_route_creates_nothing()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.16.1.0/24", pcx), Route("192.168.0.0/16", pcx)), "InvalidParameterValue.CidrNotInPeerVpc");
        Assert.Empty(emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task An_unknown_gateway_type_is_invalid_parameter_value()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx, "WORMHOLE")), "InvalidParameterValue");
    }

    [Fact]
    public async Task A_route_field_missing_is_malformed_and_an_unknown_route_field_is_unknown_parameter_with_guess()
    {
        // CreateRoutes documents neither MissingParameter nor plain UnknownParameter.
        await using var emu = await Emulator.StartAsync();
        Api.Error(await CreateAsAlpha(emu, new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION" }), "InvalidParameterValue.Malformed");
        Api.Error(await CreateAsAlpha(emu, new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "NAT", GatewayId = "nat-12345678", Colour = "red" }), "UnknownParameter.WithGuess");
    }

    [Fact]
    public async Task A_destination_that_is_not_a_cidr_block_is_malformed()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.1/16", "nat-12345678", "NAT")), "InvalidParameterValue.Malformed");
        Api.Error(await CreateAsAlpha(emu, Route("not-a-cidr", "nat-12345678", "NAT")), "InvalidParameterValue.Malformed");
    }

    [Fact]
    public async Task A_peering_next_hop_must_exist_be_active_and_involve_this_vpc()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", "pcx-00000000")), "InvalidParameterValue.RouteNextHopInvalid");

        var pending = await emu.CreateAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", pending)), "InvalidParameterValue.RouteNextHopInvalid");

        // beta's own same-account peering (sh ↔ gz) does not involve alpha's VPC.
        var foreign = Api.Ok(await emu.Beta("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.BetaOverlappingVpc,
            PeeringConnectionName = "beta-internal",
            DestinationVpcId = Demo.BetaGuangzhouVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Guangzhou,
            Bandwidth = 10,
        })).Str("PeeringConnectionId");
        Api.Error(await CreateAsAlpha(emu, Route("192.168.0.0/20", foreign)), "InvalidParameterValue.RouteNextHopInvalid");
    }

    [Fact]
    public async Task A_route_through_a_deleted_peering_is_refused()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = pcx }));
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx)), "InvalidParameterValue.RouteNextHopInvalid");
    }

    [Fact]
    public async Task A_peering_destination_must_lie_within_the_peer_vpc()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.0.0.0/8", pcx)), "InvalidParameterValue.CidrNotInPeerVpc");
        Api.Error(await CreateAsAlpha(emu, Route("192.168.1.0/24", pcx)), "InvalidParameterValue.CidrNotInPeerVpc");
    }

    [Fact]
    public async Task The_peers_assistant_cidr_is_a_valid_peering_destination()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await emu.Beta("CreateRoutes", new { RouteTableId = Demo.BetaPeeringTable, Routes = new[] { Route("10.11.0.0/16", pcx), Route("10.10.0.0/16", pcx) } }));
    }

    [Fact]
    public async Task A_destination_equal_to_a_local_subnet_is_subnet_overlap_route()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("10.10.1.0/24", pcx)), "InvalidParameterValue.SubnetOverlapRoute");
    }

    [Fact]
    public async Task A_destination_equal_to_a_local_assistant_cidr_is_vpc_cidr_overlap_route()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("10.11.0.0/16", pcx)), "InvalidParameterValue.VpcCidrOverlapRoute");
    }

    [Fact]
    public async Task A_destination_inside_the_local_vpc_cidr_is_vpc_cidr_conflict()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("10.10.5.0/24", pcx)), "InvalidParameterValue.VpcCidrConflict");
        Api.Error(await CreateAsAlpha(emu, Route("10.10.0.0/16", "nat-12345678", "NAT")), "InvalidParameterValue.VpcCidrConflict");
        Api.Error(await CreateAsAlpha(emu, Route("10.11.3.0/24", "nat-12345678", "NAT")), "InvalidParameterValue.VpcCidrConflict");
    }

    [Fact]
    public async Task A_default_route_wider_than_the_vpc_is_allowed_for_non_peering_next_hops()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await CreateAsAlpha(emu, Route("0.0.0.0/0", "nat-12345678", "NAT")));
    }

    [Fact]
    public async Task The_same_destination_and_next_hop_twice_is_duplicate()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx)));
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx)), "InvalidParameterValue.Duplicate");
    }

    [Fact]
    public async Task The_same_route_twice_in_one_batch_is_duplicate()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx), Route("172.16.0.0/16", pcx)), "InvalidParameterValue.Duplicate");
        Assert.Empty(emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task The_same_destination_through_another_peering_is_ecmp_with_user_route()
    {
        // The old peering's route outlives it only when deleting a peering keeps its routes.
        await using var emu = await Emulator.StartAsync(o => o.DeletePeeringRemovesRoutes = false);
        var old = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await CreateAsAlpha(emu, Route("172.16.0.0/16", old)));
        Api.Ok(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = old }));
        var replacement = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", replacement)), "UnsupportedOperation.EcmpWithUserRoute");
    }

    [Fact]
    public async Task The_same_destination_through_a_peering_and_another_next_hop_type_is_ecmp_with_user_route()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await CreateAsAlpha(emu, Route("172.16.0.0/16", "10.10.1.5", "NORMAL_CVM")));
        Api.Error(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx)), "UnsupportedOperation.EcmpWithUserRoute");
    }

    [Fact]
    public async Task Delete_by_route_id_or_route_item_id_returns_the_deleted_routes()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        var created = Api.Ok(await CreateAsAlpha(emu, Route("172.16.1.0/24", pcx), Route("172.16.2.0/24", pcx)))
            .GetProperty("RouteTableSet")[0].GetProperty("RouteSet");
        var byId = Api.Ok(await emu.Alpha("DeleteRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteId = created[0].GetProperty("RouteId").GetInt64() } } }));
        Assert.Equal("172.16.1.0/24", Assert.Single(byId.GetProperty("RouteSet").EnumerateArray()).Str("DestinationCidrBlock"));
        var byItem = Api.Ok(await emu.Alpha("DeleteRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteItemId = created[1].Str("RouteItemId") } } }));
        Assert.Equal("172.16.2.0/24", Assert.Single(byItem.GetProperty("RouteSet").EnumerateArray()).Str("DestinationCidrBlock"));
        Assert.Empty(emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task Deleting_an_unknown_route_is_resource_not_found_and_deletes_nothing()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        var created = Api.Ok(await CreateAsAlpha(emu, Route("172.16.1.0/24", pcx))).GetProperty("RouteTableSet")[0].GetProperty("RouteSet")[0];
        var routes = new object[] { new { RouteItemId = created.Str("RouteItemId") }, new { RouteItemId = "rti-zzzzzzzz" } };
        Api.Error(await emu.Alpha("DeleteRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = routes }), "ResourceNotFound");
        Api.Error(await emu.Alpha("DeleteRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteId = 99 } } }), "ResourceNotFound");
        Assert.Single(emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task Deleted_route_ids_are_not_reused()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await CreateAsAlpha(emu, Route("172.16.1.0/24", pcx)));
        Api.Ok(await emu.Alpha("DeleteRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteId = 1 } } }));
        var again = Api.Ok(await CreateAsAlpha(emu, Route("172.16.1.0/24", pcx)));
        Assert.Equal(2, again.GetProperty("RouteTableSet")[0].GetProperty("RouteSet")[0].GetProperty("RouteId").GetInt64());
    }

    [Fact]
    public async Task Routes_can_only_be_changed_in_the_callers_own_route_tables()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.BetaPeeringTable, Routes = new[] { Route("10.10.0.0/16", pcx) } }), "ResourceNotFound");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deleting_a_peering_takes_its_routes_on_both_sides_with_it_unless_switched_off(bool removesRoutes)
    {
        await using var emu = await Emulator.StartAsync(o => o.DeletePeeringRemovesRoutes = removesRoutes);
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await CreateAsAlpha(emu, Route("172.16.0.0/16", pcx)));
        Api.Ok(await emu.Beta("CreateRoutes", new { RouteTableId = Demo.BetaPeeringTable, Routes = new[] { Route("10.10.0.0/16", pcx) } }));

        Api.Ok(await emu.Beta("DeleteVpcPeeringConnection", new { PeeringConnectionId = pcx }));

        foreach (var (table, ask) in new (string, Func<string, object, Task<JsonElement>>)[] { (Demo.AlphaPeeringTable, (a, b) => emu.Alpha(a, b)), (Demo.BetaPeeringTable, (a, b) => emu.Beta(a, b)) })
        {
            var tables = Api.Ok(await ask("DescribeRouteTables", new { RouteTableIds = new[] { table } }));
            var viaPeering = tables.GetProperty("RouteTableSet")[0].GetProperty("RouteSet").EnumerateArray().Count(r => r.Str("GatewayId") == pcx);
            Assert.Equal(removesRoutes ? 0 : 1, viaPeering);
        }
    }
}
