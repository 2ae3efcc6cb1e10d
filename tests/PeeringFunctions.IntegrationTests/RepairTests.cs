using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Repairs;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.IntegrationTests.Support.WatcherStandIn;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// Drift made on the emulator as a person would make it in the console (our client, signed with the account's keys),
/// its findings written into the registry as the watcher writes them, then the repair through the use case or the
/// HTTP route; the emulator shows what the repair did.
/// </summary>
public sealed class RepairTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    private IPeeringRegistry Registry => Fixture.Host.Services.GetRequiredService<IPeeringRegistry>();

    private PeeringRepairs Repairs => Fixture.Host.Services.GetRequiredService<PeeringRepairs>();

    [Fact]
    public async Task A_route_deleted_in_the_console_is_recreated_by_the_watchers_repair_and_the_record_is_healthy_again()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = BetaPeeringTable,
            Routes = [new Route { RouteItemId = route.RouteItemId }],
        });
        Assert.Empty(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        var record = await FindAsync(Registry, id, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr));

        var started = await Repairs.StartAsync(Client, record, CancellationToken.None);
        var repair = await RepairEndAsync(id, started);

        Assert.Equal(RepairStatus.Repaired, repair.Outcome);
        AssertRoutesVia(Emulator.Snapshot(), BetaPeeringTable, pcx, AlphaCidr);
        var after = (await Registry.GetAsync(id))!;
        Assert.Equal((RegistryStates.Active, HealthStatuses.Healthy), (after.State, after.Health!.Status));
        Assert.Empty(after.Health.Findings);
        Assert.Contains(after.Health.History, e => e.Kind == HealthEventKinds.Repaired
            && e.Description.Contains($"re-created the route to {AlphaCidr} in {BetaPeeringTable} (beta)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_route_and_a_subnet_moved_back_are_repaired_through_the_http_route()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).DisableRoutes(new DisableRoutesRequest { RouteTableId = AlphaPeeringTable, RouteItemIds = [route.RouteItemId] });
        await Fixture.ConsoleOf(Beta, Shanghai).ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest { SubnetId = BetaAppSubnet, RouteTableId = BetaMainTable });
        Assert.False(Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx)).Enabled);
        await FindAsync(Registry, id,
            Finding(DriftKinds.RouteDisabled, FindingSides.Initiator, BetaCidr), Finding(DriftKinds.SubnetMoved, FindingSides.Receiver, BetaAppSubnet));

        using var response = await PostAsync(id, "repair");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/peerings/{id}", response.Headers.Location?.OriginalString);
        var repair = await RepairEndAsync(id);
        Assert.Equal(RepairStatus.Repaired, repair.Outcome);
        var state = Emulator.Snapshot();
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaCidr);
        AssertOnTable(state, BetaAppSubnet, BetaPeeringTable);
        Assert.Empty((await Registry.GetAsync(id))!.Health!.Findings);
    }

    [Fact]
    public async Task A_route_pointed_elsewhere_in_the_console_is_left_untouched_and_reported_while_the_rest_is_repaired()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var alphaRoute = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        var betaRoute = Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).ReplaceRoutes(new ReplaceRoutesRequest
        {
            RouteTableId = AlphaPeeringTable,
            Routes = [new Route { RouteItemId = alphaRoute.RouteItemId, DestinationCidrBlock = BetaCidr, GatewayType = "NAT", GatewayId = "nat-12345678" }],
        });
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteRoutes(new DeleteRoutesRequest { RouteTableId = BetaPeeringTable, Routes = [new Route { RouteItemId = betaRoute.RouteItemId }] });
        var redirected = Finding(DriftKinds.RouteRedirected, FindingSides.Initiator, BetaCidr);
        await FindAsync(Registry, id, redirected, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr));

        using var response = await PostAsync(id, "repair");
        var repair = await RepairEndAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(RepairStatus.Repaired, repair.Outcome);
        var state = Emulator.Snapshot();
        var untouched = Assert.Single(state.RouteTable(AlphaPeeringTable)!.Routes, r => r.DestinationCidrBlock == BetaCidr);
        Assert.Equal(("NAT", "nat-12345678", alphaRoute.RouteItemId), (untouched.GatewayType, untouched.GatewayId, untouched.RouteItemId));
        AssertRoutesVia(state, BetaPeeringTable, pcx, AlphaCidr);
        var health = (await Registry.GetAsync(id))!.Health!;
        Assert.Equal([redirected], health.Findings);
        Assert.Contains(health.History, e => e.Kind == HealthEventKinds.Reported && e.Description.Contains(redirected.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_route_missing_at_the_tick_but_pointed_elsewhere_by_repair_time_is_not_overridden()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        var beta = Fixture.ConsoleOf(Beta, Shanghai);
        await beta.DeleteRoutes(new DeleteRoutesRequest { RouteTableId = BetaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }] });
        var missing = Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr);
        var record = await FindAsync(Registry, id, missing);
        await beta.CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = BetaPeeringTable,
            Routes = [new Route { DestinationCidrBlock = AlphaCidr, GatewayType = "NAT", GatewayId = "nat-87654321" }],
        });

        var repair = await RepairEndAsync(id, await Repairs.StartAsync(Client, record, CancellationToken.None));

        Assert.Equal(RepairStatus.Repaired, repair.Outcome);
        Assert.Contains("left as it is", repair.Message, StringComparison.Ordinal);
        Assert.Empty(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        Assert.Equal("nat-87654321", Assert.Single(Emulator.Snapshot().RouteTable(BetaPeeringTable)!.Routes).GatewayId);
        Assert.Equal([missing], (await Registry.GetAsync(id))!.Health!.Findings);
    }

    [Fact]
    public async Task When_the_receiver_deletes_the_peering_the_cleanup_leaves_no_route_to_it_restores_the_subnets_and_marks_it_peer_deleted()
    {
        var (id, pcx) = await ActivePeeringAsync();
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = pcx });
        var record = await FindAsync(Registry, id, Finding(DriftKinds.PeeringGone, FindingSides.Peering, pcx));

        var repair = await RepairEndAsync(id, await Repairs.StartAsync(Client, record, CancellationToken.None));

        Assert.Equal((RepairKinds.PeerDeletedCleanup, RepairStatus.Repaired), (repair.Kind, repair.Outcome));
        var state = Emulator.Snapshot();
        Assert.Empty(state.RoutesVia(AlphaPeeringTable, pcx));
        Assert.Empty(state.RoutesVia(BetaPeeringTable, pcx));
        AssertOnTable(state, AlphaWebSubnet, AlphaMainTable);
        AssertOnTable(state, BetaAppSubnet, BetaMainTable);
        Assert.Equal(Seeded.Associations(), state.Associations());
        var after = (await Registry.GetAsync(id))!;
        Assert.Equal(RegistryStates.PeerDeleted, after.State);
        using var again = await PostAsync(id, "repair");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Extend_routes_adds_the_route_for_the_peers_assistant_cidr_and_the_record_routes_it()
    {
        var (id, pcx) = await ActivePeeringAsync();
        Assert.Contains(AlphaAssistantCidr, Emulator.Snapshot().Vpcs.Single(v => v.VpcId == AlphaVpc).AssistantCidrs);
        await FindAsync(Registry, id, Finding(DriftKinds.CidrAdded, FindingSides.Initiator, AlphaAssistantCidr));

        using var response = await PostAsync(id, "extend-routes");
        var repair = await RepairEndAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((RepairKinds.ExtendRoutes, RepairStatus.Repaired), (repair.Kind, repair.Outcome));
        var routes = Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx);
        Assert.Equal([AlphaCidr, AlphaAssistantCidr], routes.Select(r => r.DestinationCidrBlock).Order(StringComparer.Ordinal));
        Assert.All(routes, r => Assert.True(r.Enabled));
        var after = (await Registry.GetAsync(id))!;
        Assert.Equal([AlphaCidr, AlphaAssistantCidr], after.Receiver.Destinations);
        Assert.Equal(RegistryStates.Active, after.State);
    }

    [Fact]
    public async Task Extend_routes_refused_by_pre_flight_changes_nothing_on_the_emulator()
    {
        var (id, _) = await ActivePeeringAsync();
        Emulator.ResetCalls();
        var before = Emulator.Snapshot();
        // 172.16.8.0/24 lies inside beta's own VPC: pre-flight refuses a route to it on beta's table.
        await FindAsync(Registry, id, Finding(DriftKinds.CidrAdded, FindingSides.Initiator, "172.16.8.0/24"));

        using var response = await PostAsync(id, "extend-routes");
        var repair = await RepairEndAsync(id);

        Assert.Equal(RepairStatus.Refused, repair.Outcome);
        Assert.Contains($"overlaps {BetaVpc}'s own CIDR {BetaCidr}", repair.Message, StringComparison.Ordinal);
        Assert.Equal(before.RouteTables, Emulator.Snapshot().RouteTables, RouteTableComparer.Instance);
        Assert.DoesNotContain(Emulator.Calls().ByAction.Keys, a => a is "CreateRoutes" or "DeleteRoutes" or "EnableRoutes" or "ReplaceRouteTableAssociation");
    }

    [Fact]
    public async Task Repair_and_extend_routes_answer_404_for_an_unknown_peering_and_409_with_the_reason_when_there_is_nothing_to_do()
    {
        using var unknown = await PostAsync("peering-vpc-nope0001-vpc-nope0002", "repair");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var (id, _) = await ActivePeeringAsync();
        using var nothing = await PostAsync(id, "repair");
        using var noCidr = await PostAsync(id, "extend-routes");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (nothing.StatusCode, noCidr.StatusCode));
        Assert.Contains("has nothing to repair", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("no new CIDR of the peer VPC", await noCidr.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", nothing.Content.Headers.ContentType?.MediaType);
        Assert.Null(await Client.GetInstanceAsync(PeeringInstanceIds.RepairOf(id)));
    }

    [Fact]
    public async Task While_a_repair_runs_a_teardown_and_a_second_repair_get_409_and_change_nothing()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteRoutes(new DeleteRoutesRequest { RouteTableId = BetaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }] });
        await FindAsync(Registry, id, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr));
        Emulator.SetLatency("CreateRoutes", TimeSpan.FromSeconds(2));

        using var started = await PostAsync(id, "repair");
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        using var teardown = await Api.TeardownAsync(id);
        using var second = await PostAsync(id, "repair");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (teardown.StatusCode, second.StatusCode));
        Assert.Contains("Repairing", await teardown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("already running", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RepairStatus.Repaired, (await RepairEndAsync(id)).Outcome);
        Assert.Null(await Client.GetInstanceAsync(PeeringInstanceIds.TeardownOf(id)));
        Assert.Equal("ACTIVE", Emulator.Snapshot().Peering(pcx)!.State);
    }

    [Fact]
    public async Task While_a_teardown_runs_a_repair_gets_409_and_changes_nothing()
    {
        var (id, pcx) = await ActivePeeringAsync();
        await FindAsync(Registry, id, Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr));
        Emulator.SetLatency("DeleteRoutes", TimeSpan.FromSeconds(2));

        using var teardown = await Api.TeardownAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        using var repair = await PostAsync(id, "repair");

        Assert.Equal(HttpStatusCode.Conflict, repair.StatusCode);
        Assert.Contains("A teardown of", await repair.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Api.WaitUntilAsync(id, v => v.State == LifecycleStates.TornDown, "torn down");
        Assert.Null(await Client.GetInstanceAsync(PeeringInstanceIds.RepairOf(id)));
        Assert.Empty(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
    }

    /// <summary>An accepted cross-region peering alpha ↔ beta, Active, with its registry record.</summary>
    private async Task<(string Id, string Pcx)> ActivePeeringAsync()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var pcx = AssertActive(await Api.WaitForEndAsync(started.Id), Emulator.Snapshot(), AlphaVpc, BetaVpc).PeeringConnectionId;
        Assert.Equal(RegistryStates.Active, (await Registry.GetAsync(started.Id))?.State);
        return (started.Id, pcx);
    }

    private Task<HttpResponseMessage> PostAsync(string id, string action) => Api.Http.PostAsync($"api/peerings/{id}/{action}", content: null);

    /// <summary>Until the peering's status document shows its repair ended (an outcome), as a portal would poll.</summary>
    private async Task<RepairView> RepairEndAsync(string id, RepairStartResult? started = null)
    {
        if (started is not null)
        {
            Assert.True(started.RepairId is not null, started.Refusal);
        }

        var view = await Api.WaitUntilAsync(id, v => v.Repair?.Outcome is not null, "its repair ended");
        return view.Repair!;
    }
}
