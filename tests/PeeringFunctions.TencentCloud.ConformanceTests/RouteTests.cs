using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>CreateRoutes / DeleteRoutes / DescribeRouteTables (spec §4.8–4.12) and the route rules of §8.</summary>
public sealed class RouteTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public RouteTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    private Task<CreateRoutesResponse> CreateOnAlphaAsync(params Route[] routes) =>
        _f.Alpha().CreateRoutes(new CreateRoutesRequest { RouteTableId = World.AlphaPeeringTable, Routes = routes });

    private Task<CreateRoutesResponse> CreateOnAlphaAsync(string table, params Route[] routes) =>
        _f.Alpha().CreateRoutes(new CreateRoutesRequest { RouteTableId = table, Routes = routes });

    [Fact]
    public async Task CreateRoutes_returns_only_the_new_routes_with_the_RouteId_and_RouteItemId_the_emulator_holds()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        var response = await CreateOnAlphaAsync(
            Scenario.PeeringRoute("172.16.1.0/24", pcx, "to beta app"),
            Scenario.PeeringRoute("172.16.2.0/24", pcx));

        Assert.Equal(2UL, response.TotalCount);
        var table = Assert.Single(response.RouteTableSet!);
        Assert.Equal(World.AlphaPeeringTable, table.RouteTableId);
        Assert.Equal(World.AlphaVpc, table.VpcId);
        Assert.Equal(2, table.RouteSet!.Length);

        var held = _f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes;
        Assert.Equal(2, held.Count);
        foreach (var route in table.RouteSet)
        {
            Assert.Matches("^rti-[a-z0-9]{8}$", route.RouteItemId);
            var match = Assert.Single(held, h => h.RouteItemId == route.RouteItemId);
            Assert.Equal((ulong)match.RouteId, route.RouteId);
            Assert.Equal(match.DestinationCidrBlock, route.DestinationCidrBlock);
            Assert.Equal(GatewayTypes.PeerConnection, route.GatewayType);
            Assert.Equal(pcx, route.GatewayId);
            Assert.Equal(RouteTypes.User, route.RouteType);
            Assert.True(route.Enabled);
            Assert.Equal(World.AlphaPeeringTable, route.RouteTableId);
        }

        Assert.Equal("to beta app", table.RouteSet.Single(r => r.DestinationCidrBlock == "172.16.1.0/24").RouteDescription);
        Assert.NotEqual(table.RouteSet[0].RouteId, table.RouteSet[1].RouteId);
    }

    [Fact]
    public async Task CreateRoutes_for_a_peering_works_on_the_receivers_side_too()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        var response = await _f.Beta().CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = World.BetaPeeringTable,
            Routes = [Scenario.PeeringRoute(World.AlphaVpcCidr, pcx)],
        });

        var route = Assert.Single(Assert.Single(response.RouteTableSet!).RouteSet!);
        var held = Assert.Single(_f.Server.Snapshot().RouteTable(World.BetaPeeringTable)!.Routes);
        Assert.Equal(held.RouteItemId, route.RouteItemId);
        Assert.Equal((ulong)held.RouteId, route.RouteId);
    }

    [Fact]
    public async Task DeleteRoutes_removes_one_route_by_RouteId_and_another_by_RouteItemId()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        var created = Assert.Single((await CreateOnAlphaAsync(
            Scenario.PeeringRoute("172.16.1.0/24", pcx),
            Scenario.PeeringRoute("172.16.2.0/24", pcx),
            Scenario.PeeringRoute("172.16.3.0/24", pcx))).RouteTableSet!).RouteSet!;

        var byId = await _f.Alpha().DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [new Route { RouteId = created[0].RouteId }],
        });
        Assert.Equal(created[0].RouteItemId, Assert.Single(byId.RouteSet!).RouteItemId);

        var byItemId = await _f.Alpha().DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [new Route { RouteItemId = created[1].RouteItemId }],
        });
        Assert.Equal(created[1].RouteId, Assert.Single(byItemId.RouteSet!).RouteId);

        var left = Assert.Single(_f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes);
        Assert.Equal(created[2].RouteItemId, left.RouteItemId);
    }

    [Fact]
    public async Task DeleteRoutes_of_a_route_that_is_gone_is_ResourceNotFound()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        var route = Assert.Single(Assert.Single((await CreateOnAlphaAsync(Scenario.PeeringRoute("172.16.1.0/24", pcx))).RouteTableSet!).RouteSet!);
        var delete = new DeleteRoutesRequest { RouteTableId = World.AlphaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }] };
        await _f.Alpha().DeleteRoutes(delete);

        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Alpha().DeleteRoutes(delete));
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Alpha().DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [new Route { RouteId = route.RouteId }],
        }));
    }

    [Fact]
    public async Task DescribeRouteTables_lists_the_tables_routes_and_associations_the_emulator_holds()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        await CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, pcx));

        var response = await _f.Alpha().DescribeRouteTables(new DescribeRouteTablesRequest
        {
            Filters = [new Filter { Name = "vpc-id", Values = [World.AlphaVpc] }],
        });

        var snapshot = _f.Server.Snapshot();
        Assert.Equal(2UL, response.TotalCount);
        foreach (var table in response.RouteTableSet!)
        {
            var held = snapshot.RouteTable(table.RouteTableId!)!;
            Assert.Equal(held.VpcId, table.VpcId);
            Assert.Equal(held.Main, table.Main);
            Assert.Equal(held.RouteTableName, table.RouteTableName);
            Assert.Equal(held.AssociatedSubnetIds, table.AssociationSet!.Select(a => a.SubnetId!).Order());
            Assert.Equal(held.Routes.Select(r => r.RouteItemId), table.RouteSet!.Select(r => r.RouteItemId!));
            Assert.Equal(held.Routes.Select(r => (ulong)r.RouteId), table.RouteSet!.Select(r => r.RouteId!.Value));
        }

        var main = response.RouteTableSet!.Single(t => t.Main == true);
        Assert.Equal(World.AlphaMainTable, main.RouteTableId);
        Assert.Equal([World.AlphaDbSubnet, World.AlphaWebSubnet], main.AssociationSet!.Select(a => a.SubnetId!).Order());
    }

    [Fact]
    public async Task DescribeRouteTables_pages_with_string_offset_and_limit_and_honours_the_main_and_next_hop_filters()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        await CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, pcx));
        await CreateOnAlphaAsync(World.AlphaPeeringTable, new Route { DestinationCidrBlock = "0.0.0.0/0", GatewayType = GatewayTypes.Nat, GatewayId = "nat-12345678" });
        var alpha = _f.Alpha();

        var first = await alpha.DescribeRouteTables(new DescribeRouteTablesRequest { Offset = "0", Limit = "1" });
        var second = await alpha.DescribeRouteTables(new DescribeRouteTablesRequest { Offset = "1", Limit = "1" });
        Assert.Equal(2UL, first.TotalCount);
        Assert.Equal(
            [World.AlphaMainTable, World.AlphaPeeringTable],
            first.RouteTableSet!.Concat(second.RouteTableSet!).Select(t => t.RouteTableId!).Order());

        var main = await alpha.DescribeRouteTables(new DescribeRouteTablesRequest
        {
            Filters = [new Filter { Name = "association.main", Values = ["TRUE"] }],
        });
        Assert.Equal(World.AlphaMainTable, Assert.Single(main.RouteTableSet!).RouteTableId);

        var peeringHops = await alpha.DescribeRouteTables(new DescribeRouteTablesRequest
        {
            Filters =
            [
                new Filter { Name = "route-table-id", Values = [World.AlphaPeeringTable] },
                new Filter { Name = "vpc-id", Values = [World.AlphaVpc] },
                new Filter { Name = "next-hop-type", Values = [GatewayTypes.PeerConnection] },
            ],
        });
        var only = Assert.Single(Assert.Single(peeringHops.RouteTableSet!).RouteSet!);
        Assert.Equal(pcx, only.GatewayId);

        var withoutRoutes = await alpha.DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [World.AlphaPeeringTable], NeedRouterInfo = false });
        Assert.Empty(Assert.Single(withoutRoutes.RouteTableSet!).RouteSet ?? []);
    }

    [Fact]
    public async Task The_same_route_twice_is_InvalidParameterValue_Duplicate()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        await CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, pcx));

        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueDuplicate, () => CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, pcx)));

        Assert.Single(_f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task A_peering_route_outside_the_peer_vpc_is_CidrNotInPeerVpc()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueCidrNotInPeerVpc, () => CreateOnAlphaAsync(Scenario.PeeringRoute("172.0.0.0/8", pcx)));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueCidrNotInPeerVpc, () => CreateOnAlphaAsync(Scenario.PeeringRoute("192.168.0.0/24", pcx)));

        Assert.Empty(_f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task A_destination_inside_the_local_vpc_is_VpcCidrConflict()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueVpcCidrConflict, () => CreateOnAlphaAsync(Scenario.PeeringRoute("10.10.200.0/24", pcx)));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueVpcCidrConflict, () => CreateOnAlphaAsync(Scenario.PeeringRoute("10.11.7.0/24", pcx)));
    }

    [Fact]
    public async Task A_destination_equal_to_a_local_subnet_is_SubnetOverlapRoute()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueSubnetOverlapRoute, () => CreateOnAlphaAsync(Scenario.PeeringRoute(World.AlphaWebSubnetCidr, pcx)));
    }

    [Fact]
    public async Task A_destination_equal_to_a_secondary_cidr_is_VpcCidrOverlapRoute()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueVpcCidrOverlapRoute, () => CreateOnAlphaAsync(Scenario.PeeringRoute(World.AlphaAssistantCidr, pcx)));
    }

    [Fact]
    public async Task An_unknown_peering_as_next_hop_is_RouteNextHopInvalid()
    {
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueRouteNextHopInvalid, () => CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, "pcx-zzzzzzzz")));
    }

    [Fact]
    public async Task A_pending_rejected_or_deleted_peering_as_next_hop_is_RouteNextHopInvalid()
    {
        var pending = await _f.RequestAlphaToBetaAsync();
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueRouteNextHopInvalid, () => CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, pending)));

        await _f.Beta().RejectVpcPeeringConnection(new RejectVpcPeeringConnectionRequest { PeeringConnectionId = pending });
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueRouteNextHopInvalid, () => CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, pending)));

        var toGamma = (await _f.Alpha().CreateVpcPeeringConnection(
            Scenario.Request(World.AlphaVpc, World.GammaVpc, World.Gamma, World.Guangzhou, "to-gamma"))).PeeringConnectionId!;
        await _f.Client(World.Gamma, World.Guangzhou).AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = toGamma });
        await _f.Alpha().DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = toGamma });
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueRouteNextHopInvalid, () => CreateOnAlphaAsync(Scenario.PeeringRoute(World.GammaVpcCidr, toGamma)));

        Assert.Empty(_f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes);
    }

    [Fact]
    public async Task Another_next_hop_for_a_peering_routes_destination_is_EcmpWithUserRoute()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        await CreateOnAlphaAsync(Scenario.PeeringRoute(World.BetaVpcCidr, pcx));

        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationEcmpWithUserRoute, () => CreateOnAlphaAsync(
            new Route { DestinationCidrBlock = World.BetaVpcCidr, GatewayType = GatewayTypes.NormalCvm, GatewayId = "10.10.1.5" }));
    }

    [Fact]
    public async Task A_route_table_of_another_account_is_ResourceNotFound()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Alpha().CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = World.BetaPeeringTable,
            Routes = [Scenario.PeeringRoute(World.BetaVpcCidr, pcx)],
        }));
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound,
            () => _f.Alpha().DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [World.BetaPeeringTable] }));
    }

    [Fact]
    public async Task A_malformed_route_table_or_route_item_id_is_InvalidParameterValue_Malformed()
    {
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => _f.Alpha().DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [new Route { RouteItemId = "rti-?" }],
        }));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => CreateOnAlphaAsync("rtb-Bad", Scenario.PeeringRoute(World.BetaVpcCidr, "pcx-zzzzzzzz")));
    }
}
