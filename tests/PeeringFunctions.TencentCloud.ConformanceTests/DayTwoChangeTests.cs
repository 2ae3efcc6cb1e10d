using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>
/// The actions that change a live peering and its routes — ModifyVpcPeeringConnection, ReplaceRoutes, EnableRoutes,
/// DisableRoutes — through our client, each checked against the emulator's own state.
/// </summary>
public sealed class DayTwoChangeTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public DayTwoChangeTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    /// <summary>alpha (gz) → beta (sh) at 100 Mbps, accepted and activated.</summary>
    private async Task<string> ActiveCrossRegionAsync()
    {
        var request = Scenario.AlphaToBeta("day-two");
        request.Bandwidth = 100;
        request.ChargeType = PeeringChargeTypes.PostpaidByDayMax;
        var id = (await _f.Alpha().CreateVpcPeeringConnection(request)).PeeringConnectionId!;
        await _f.Beta().AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = id });
        _f.PassActivation();
        return id;
    }

    private async Task<(string Pcx, Route[] Routes)> RoutedAsync(params string[] destinations)
    {
        var pcx = await ActiveCrossRegionAsync();
        var created = await _f.Alpha().CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [.. destinations.Select(d => Scenario.PeeringRoute(d, pcx))],
        });
        return (pcx, created.RouteTableSet![0].RouteSet!);
    }

    private IReadOnlyList<TencentVpcEmulator.RouteState> Held() => _f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes;

    [Fact]
    public async Task ModifyVpcPeeringConnection_changes_the_bandwidth_and_charge_type_that_describe_and_the_emulator_then_hold()
    {
        var id = await ActiveCrossRegionAsync();

        var response = await _f.Alpha().ModifyVpcPeeringConnection(new ModifyVpcPeeringConnectionRequest
        {
            PeeringConnectionId = id,
            Bandwidth = 1000,
            ChargeType = PeeringChargeTypes.PostpaidByMonth95,
        });

        Assert.True(Guid.TryParse(response.RequestId, out _));
        var described = await _f.Alpha().DescribeOneAsync(id);
        Assert.Equal(1000, described.Bandwidth);
        Assert.Equal(PeeringChargeTypes.PostpaidByMonth95, described.ChargeType);
        var held = _f.Server.Snapshot().Peering(id)!;
        Assert.Equal(1000, held.Bandwidth);
        Assert.Equal("day-two", held.Name);
    }

    [Fact]
    public async Task ModifyVpcPeeringConnection_sends_only_the_fields_it_is_given()
    {
        var id = await ActiveCrossRegionAsync();

        await _f.Alpha().ModifyVpcPeeringConnection(new ModifyVpcPeeringConnectionRequest { PeeringConnectionId = id, PeeringConnectionName = "renamed" });

        var held = _f.Server.Snapshot().Peering(id)!;
        Assert.Equal("renamed", held.Name);
        Assert.Equal(100, held.Bandwidth);
        Assert.Equal(PeeringChargeTypes.PostpaidByDayMax, held.ChargeType);
    }

    [Fact]
    public async Task ModifyVpcPeeringConnection_above_the_5_Gbps_cap_is_a_permanent_api_error_and_changes_nothing()
    {
        var id = await ActiveCrossRegionAsync();

        await Expect.ApiError("InvalidParameterValue", () =>
            _f.Alpha().ModifyVpcPeeringConnection(new ModifyVpcPeeringConnectionRequest { PeeringConnectionId = id, Bandwidth = 6000 }));

        Assert.Equal(100, _f.Server.Snapshot().Peering(id)!.Bandwidth);
    }

    [Fact]
    public async Task ReplaceRoutes_answers_with_typed_old_and_new_routes_that_keep_the_ids_the_emulator_holds()
    {
        var (pcx, routes) = await RoutedAsync("172.16.1.0/24");

        var response = await _f.Alpha().ReplaceRoutes(new ReplaceRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [new Route { RouteItemId = routes[0].RouteItemId, DestinationCidrBlock = "172.16.4.0/22", GatewayType = GatewayTypes.PeerConnection, GatewayId = pcx, RouteDescription = "moved" }],
        });

        var old = Assert.Single(response.OldRouteSet!);
        var now = Assert.Single(response.NewRouteSet!);
        Assert.Equal("172.16.1.0/24", old.DestinationCidrBlock);
        Assert.Equal("172.16.4.0/22", now.DestinationCidrBlock);
        Assert.Equal(routes[0].RouteId, now.RouteId);
        Assert.Equal(routes[0].RouteItemId, now.RouteItemId);
        var held = Assert.Single(Held());
        Assert.Equal("172.16.4.0/22", held.DestinationCidrBlock);
        Assert.Equal("moved", held.RouteDescription);
        Assert.Equal((ulong)held.RouteId, now.RouteId);
    }

    [Fact]
    public async Task ReplaceRoutes_of_a_route_that_is_not_there_is_record_not_exists()
    {
        var (pcx, _) = await RoutedAsync("172.16.1.0/24");

        await Expect.ApiError("UnsupportedOperation.RecordNotExists", () => _f.Alpha().ReplaceRoutes(new ReplaceRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [new Route { RouteId = 42, DestinationCidrBlock = "172.16.4.0/22", GatewayType = GatewayTypes.PeerConnection, GatewayId = pcx }],
        }));

        Assert.Equal("172.16.1.0/24", Assert.Single(Held()).DestinationCidrBlock);
    }

    [Fact]
    public async Task DisableRoutes_by_route_id_and_EnableRoutes_by_item_id_switch_what_describe_reports()
    {
        var (_, routes) = await RoutedAsync("172.16.1.0/24", "172.16.2.0/24");

        await _f.Alpha().DisableRoutes(new DisableRoutesRequest { RouteTableId = World.AlphaPeeringTable, RouteIds = [routes[0].RouteId!.Value, routes[1].RouteId!.Value] });
        Assert.All(Held(), r => Assert.False(r.Enabled));

        await _f.Alpha().EnableRoutes(new EnableRoutesRequest { RouteTableId = World.AlphaPeeringTable, RouteItemIds = [routes[1].RouteItemId!] });

        var described = await _f.Alpha().DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [World.AlphaPeeringTable] });
        var enabled = described.RouteTableSet![0].RouteSet!.ToDictionary(r => r.RouteItemId!, r => r.Enabled);
        Assert.Equal(false, enabled[routes[0].RouteItemId!]);
        Assert.Equal(true, enabled[routes[1].RouteItemId!]);
    }

    [Fact]
    public async Task EnableRoutes_with_both_kinds_of_id_is_invalid_parameter_coexist()
    {
        var (_, routes) = await RoutedAsync("172.16.1.0/24");

        await Expect.ApiError("InvalidParameter.Coexist", () => _f.Alpha().EnableRoutes(new EnableRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            RouteIds = [routes[0].RouteId!.Value],
            RouteItemIds = [routes[0].RouteItemId!],
        }));
    }
}
