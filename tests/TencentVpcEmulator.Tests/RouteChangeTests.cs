using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>ReplaceRoutes, EnableRoutes and DisableRoutes (spec §4.8, §4.11): a day-2 operator's changes to existing routes.</summary>
public class RouteChangeTests
{
    private static object Route(string destination, string gatewayId, string type = "PEERCONNECTION", string description = "to peer") =>
        new { DestinationCidrBlock = destination, GatewayType = type, GatewayId = gatewayId, RouteDescription = description };

    /// <summary>alpha (gz) ↔ beta (sh), ACTIVE, with alpha routing the given destinations through it; returns the pcx and the routes.</summary>
    private static async Task<(string Pcx, List<JsonElement> Routes)> RoutedAsync(Emulator emu, params string[] destinations)
    {
        var pcx = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "routed",
            DestinationVpcId = Demo.BetaVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Shanghai,
            Bandwidth = 100,
        })).Str("PeeringConnectionId");
        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = pcx }));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(emu.Server.Activation().CrossRegionSeconds)); // activated
        var created = Api.Ok(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = destinations.Select(d => Route(d, pcx)).ToArray() }));
        return (pcx, [.. created.GetProperty("RouteTableSet")[0].GetProperty("RouteSet").EnumerateArray()]);
    }

    private static Task<JsonElement> ReplaceAsAlpha(Emulator emu, params object[] routes) =>
        emu.Alpha("ReplaceRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = routes });

    private static IReadOnlyList<RouteState> Held(Emulator emu) => emu.Server.Snapshot().RouteTable(Demo.AlphaPeeringTable)!.Routes;

    [Fact]
    public async Task Replace_by_route_item_id_rewrites_the_route_in_place_and_answers_with_the_old_and_new_route()
    {
        await using var emu = await Emulator.StartAsync();
        var (pcx, routes) = await RoutedAsync(emu, "172.16.1.0/24");
        var before = routes[0];

        var r = Api.Ok(await ReplaceAsAlpha(emu, new { RouteItemId = before.Str("RouteItemId"), DestinationCidrBlock = "172.16.8.0/22", GatewayType = "PEERCONNECTION", GatewayId = pcx, RouteDescription = "wider" }));

        var old = Assert.Single(r.GetProperty("OldRouteSet").EnumerateArray());
        var now = Assert.Single(r.GetProperty("NewRouteSet").EnumerateArray());
        Assert.Equal("172.16.1.0/24", old.Str("DestinationCidrBlock"));
        Assert.Equal("172.16.8.0/22", now.Str("DestinationCidrBlock"));
        Assert.Equal("wider", now.Str("RouteDescription"));
        Assert.Equal(before.Str("RouteItemId"), now.Str("RouteItemId"));
        Assert.Equal(before.GetProperty("RouteId").GetInt64(), now.GetProperty("RouteId").GetInt64());
        var held = Assert.Single(Held(emu));
        Assert.Equal("172.16.8.0/22", held.DestinationCidrBlock);
        Assert.Equal(before.Str("RouteItemId"), held.RouteItemId);
        Assert.True(held.Enabled);
    }

    [Fact]
    public async Task Replace_by_route_id_works_and_keeps_a_disabled_route_disabled()
    {
        await using var emu = await Emulator.StartAsync();
        var (pcx, routes) = await RoutedAsync(emu, "172.16.1.0/24");
        Api.Ok(await emu.Alpha("DisableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = new[] { routes[0].Str("RouteItemId") } }));

        Api.Ok(await ReplaceAsAlpha(emu, new { RouteId = routes[0].GetProperty("RouteId").GetInt64(), DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }));

        var held = Assert.Single(Held(emu));
        Assert.Equal("172.16.2.0/24", held.DestinationCidrBlock);
        Assert.False(held.Enabled);
    }

    [Fact]
    public async Task Replacing_a_route_that_is_not_there_is_record_not_exists_and_an_unknown_table_is_resource_not_found()
    {
        await using var emu = await Emulator.StartAsync();
        var (pcx, _) = await RoutedAsync(emu, "172.16.1.0/24");

        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = "rti-zzzzzzzz", DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "UnsupportedOperation.RecordNotExists");
        Api.Error(await ReplaceAsAlpha(emu, new { RouteId = 99, DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "UnsupportedOperation.RecordNotExists");
        Api.Error(await emu.Alpha("ReplaceRoutes", new { RouteTableId = "rtb-zzzzzzzz", Routes = new[] { new { RouteId = 1, DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx } } }), "ResourceNotFound");

        Assert.Equal("172.16.1.0/24", Assert.Single(Held(emu)).DestinationCidrBlock);
    }

    [Fact]
    public async Task Replace_needs_the_route_named_and_its_new_destination_and_next_hop()
    {
        await using var emu = await Emulator.StartAsync();
        var (pcx, routes) = await RoutedAsync(emu, "172.16.1.0/24");

        Api.Error(await ReplaceAsAlpha(emu, new { DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.Malformed"); // ReplaceRoutes documents no MissingParameter
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = routes[0].Str("RouteItemId"), GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.Malformed"); // ReplaceRoutes documents no MissingParameter
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = "rti-BAD", DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.Malformed");
    }

    [Fact]
    public async Task A_next_hop_that_is_not_an_active_peering_of_this_vpc_is_invalid_parameter_value()
    {
        await using var emu = await Emulator.StartAsync();
        var (_, routes) = await RoutedAsync(emu, "172.16.1.0/24");

        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = routes[0].Str("RouteItemId"), DestinationCidrBlock = "172.16.1.0/24", GatewayType = "PEERCONNECTION", GatewayId = "pcx-00000000" }), "InvalidParameterValue");
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = routes[0].Str("RouteItemId"), DestinationCidrBlock = "172.16.1.0/24", GatewayType = "WORMHOLE", GatewayId = "x" }), "InvalidParameterValue");
    }

    [Fact]
    public async Task The_new_destination_obeys_the_same_cidr_rules_as_create()
    {
        await using var emu = await Emulator.StartAsync();
        var (pcx, routes) = await RoutedAsync(emu, "172.16.1.0/24");
        var id = routes[0].Str("RouteItemId");

        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = id, DestinationCidrBlock = "172.16.0.1/16", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.Malformed");
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = id, DestinationCidrBlock = "192.168.1.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.CidrNotInPeerVpc");
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = id, DestinationCidrBlock = "10.10.1.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.SubnetOverlapRoute");
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = id, DestinationCidrBlock = "10.11.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.VpcCidrOverlapRoute");
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = id, DestinationCidrBlock = "10.10.5.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.VpcCidrConflict");
    }

    [Fact]
    public async Task Replacing_onto_another_routes_destination_is_duplicate_or_ecmp()
    {
        await using var emu = await Emulator.StartAsync();
        var (pcx, routes) = await RoutedAsync(emu, "172.16.1.0/24", "172.16.2.0/24");
        Api.Ok(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { Route("172.16.3.0/24", "10.10.1.5", "NORMAL_CVM") } }));
        var first = routes[0].Str("RouteItemId");

        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = first, DestinationCidrBlock = "172.16.2.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.Duplicate");
        Api.Error(await ReplaceAsAlpha(emu, new { RouteItemId = first, DestinationCidrBlock = "172.16.3.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "UnsupportedOperation.Ecmp");
    }

    [Fact]
    public async Task A_batch_with_one_bad_element_replaces_nothing()
    {
        await using var emu = await Emulator.StartAsync();
        var (pcx, routes) = await RoutedAsync(emu, "172.16.1.0/24", "172.16.2.0/24");

        Api.Error(await ReplaceAsAlpha(emu,
            new { RouteItemId = routes[0].Str("RouteItemId"), DestinationCidrBlock = "172.16.4.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx },
            new { RouteItemId = routes[1].Str("RouteItemId"), DestinationCidrBlock = "192.168.0.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.CidrNotInPeerVpc");
        Api.Error(await ReplaceAsAlpha(emu,
            new { RouteItemId = routes[0].Str("RouteItemId"), DestinationCidrBlock = "172.16.4.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx },
            new { RouteItemId = routes[0].Str("RouteItemId"), DestinationCidrBlock = "172.16.5.0/24", GatewayType = "PEERCONNECTION", GatewayId = pcx }), "InvalidParameterValue.Duplicate");

        Assert.Equal(["172.16.1.0/24", "172.16.2.0/24"], Held(emu).Select(r => r.DestinationCidrBlock));
    }

    [Fact]
    public async Task Disable_and_enable_switch_routes_by_item_id_or_route_id_and_describe_shows_it()
    {
        await using var emu = await Emulator.StartAsync();
        var (_, routes) = await RoutedAsync(emu, "172.16.1.0/24", "172.16.2.0/24");

        Api.Ok(await emu.Alpha("DisableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = routes.Select(r => r.Str("RouteItemId")).ToArray() }));
        Assert.All(Held(emu), r => Assert.False(r.Enabled));
        var described = Api.Ok(await emu.Alpha("DescribeRouteTables", new { RouteTableIds = new[] { Demo.AlphaPeeringTable } }));
        Assert.All(described.GetProperty("RouteTableSet")[0].GetProperty("RouteSet").EnumerateArray(), r => Assert.False(r.GetProperty("Enabled").GetBoolean()));

        Api.Ok(await emu.Alpha("EnableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = new[] { routes[1].GetProperty("RouteId").GetInt64() } }));
        Assert.Equal([false, true], Held(emu).Select(r => r.Enabled));
    }

    [Fact]
    public async Task Switching_a_route_to_the_state_it_is_in_is_no_error()
    {
        await using var emu = await Emulator.StartAsync();
        var (_, routes) = await RoutedAsync(emu, "172.16.1.0/24");
        var ids = new[] { routes[0].Str("RouteItemId") };

        Api.Ok(await emu.Alpha("EnableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = ids }));
        Api.Ok(await emu.Alpha("DisableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = ids }));
        Api.Ok(await emu.Alpha("DisableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = ids }));

        Assert.False(Assert.Single(Held(emu)).Enabled);
    }

    [Theory]
    [InlineData("EnableRoutes")]
    [InlineData("DisableRoutes")]
    public async Task Route_ids_and_item_ids_together_coexist_neither_is_missing_and_more_than_100_exceed_the_limit(string action)
    {
        await using var emu = await Emulator.StartAsync();
        var (_, routes) = await RoutedAsync(emu, "172.16.1.0/24");

        Api.Error(await emu.Alpha(action, new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = new[] { 1 }, RouteItemIds = new[] { routes[0].Str("RouteItemId") } }), "InvalidParameter.Coexist");
        Api.Error(await emu.Alpha(action, new { RouteTableId = Demo.AlphaPeeringTable }), "MissingParameter");
        Api.Error(await emu.Alpha(action, new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = Enumerable.Range(1, 101).ToArray() }), "InvalidParameterValue.LimitExceeded");
        Api.Error(await emu.Alpha(action, new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = new[] { "1" } }), "InvalidParameterValue.Malformed"); // a wrong type: InvalidParameter is not in their lists
        Api.Error(await emu.Alpha(action, new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = new[] { "rti-BAD" } }), "InvalidParameterValue.Malformed");
    }

    [Theory]
    [InlineData("EnableRoutes", true)]
    [InlineData("DisableRoutes", false)]
    public async Task An_unknown_route_is_resource_not_found_and_switches_none_of_the_batch(string action, bool enable)
    {
        await using var emu = await Emulator.StartAsync();
        var (_, routes) = await RoutedAsync(emu, "172.16.1.0/24");
        if (enable)
        {
            Api.Ok(await emu.Alpha("DisableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = new[] { 1 } }));
        }

        Api.Error(await emu.Alpha(action, new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = new[] { routes[0].Str("RouteItemId"), "rti-zzzzzzzz" } }), "ResourceNotFound");
        Api.Error(await emu.Alpha(action, new { RouteTableId = "rtb-zzzzzzzz", RouteIds = new[] { 1 } }), "ResourceNotFound");

        Assert.Equal(!enable, Assert.Single(Held(emu)).Enabled);
    }

    [Fact]
    public async Task Enable_refuses_a_route_named_twice_while_disable_takes_it_once()
    {
        await using var emu = await Emulator.StartAsync();
        var (_, routes) = await RoutedAsync(emu, "172.16.1.0/24");
        var twice = new[] { routes[0].Str("RouteItemId"), routes[0].Str("RouteItemId") };

        Api.Ok(await emu.Alpha("DisableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = twice }));
        Api.Error(await emu.Alpha("EnableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteItemIds = twice }), "InvalidParameterValue.Duplicate");

        Assert.False(Assert.Single(Held(emu)).Enabled);
    }

    [Fact]
    public async Task Routes_can_only_be_changed_in_the_callers_own_route_tables()
    {
        await using var emu = await Emulator.StartAsync();
        await RoutedAsync(emu, "172.16.1.0/24");

        Api.Error(await emu.Beta("DisableRoutes", new { RouteTableId = Demo.AlphaPeeringTable, RouteIds = new[] { 1 } }), "ResourceNotFound");

        Assert.True(Assert.Single(Held(emu)).Enabled);
    }
}
