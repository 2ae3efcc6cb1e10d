using System.Net;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// A person's repair (POST /repair, /extend-routes) of drift made on the emulator as in the console and found by the
/// real watcher under policy "notify" (so the tick starts nothing itself): what is left alone, what pre-flight refuses,
/// and the 404/409 answers while a repair or a teardown runs. The watcher's own repairs are DriftFoundAndRepairedTests'.
/// </summary>
public sealed class RepairTests(WatcherHostFixture fixture) : IntegrationTest(fixture), IClassFixture<WatcherHostFixture>
{
    private readonly WatcherHostFixture host = fixture;

    private IPeeringRegistry Registry => host.Host.Registry;

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
        var redirected = (await DriftedAsync(id, DriftKinds.RouteRedirected, DriftKinds.RouteMissing))[0];

        using var response = await PostAsync(id, "repair");
        var repair = await RepairEndAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/peerings/{id}", response.Headers.Location?.OriginalString);
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
        var missing = Assert.Single(await DriftedAsync(id, DriftKinds.RouteMissing));
        await beta.CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = BetaPeeringTable,
            Routes = [new Route { DestinationCidrBlock = AlphaCidr, GatewayType = "NAT", GatewayId = "nat-87654321" }],
        });

        using var response = await PostAsync(id, "repair");
        var repair = await RepairEndAsync(id);

        Assert.Equal(RepairStatus.Repaired, repair.Outcome);
        Assert.Contains("left as it is", repair.Message, StringComparison.Ordinal);
        Assert.Empty(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        Assert.Equal("nat-87654321", Assert.Single(Emulator.Snapshot().RouteTable(BetaPeeringTable)!.Routes).GatewayId);
        Assert.Equal([missing], (await Registry.GetAsync(id))!.Health!.Findings);
    }

    [Fact]
    public async Task Extend_routes_refused_by_pre_flight_changes_nothing_on_the_emulator()
    {
        var (id, _) = await ActivePeeringAsync();
        Emulator.ResetCalls();
        var before = Emulator.Snapshot();
        // Alpha's VPC gains 172.16.8.0/24, which lies inside beta's own VPC: pre-flight refuses a route to it on beta's table.
        Emulator.AddAssistantCidr(AlphaVpc, "172.16.8.0/24");
        await DriftedAsync(id, DriftKinds.CidrAdded);

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
        await DriftedAsync(id, DriftKinds.RouteMissing);
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
        await Fixture.ConsoleOf(Alpha, Guangzhou).DisableRoutes(new DisableRoutesRequest
        {
            RouteTableId = AlphaPeeringTable, RouteItemIds = [Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx)).RouteItemId],
        });
        await DriftedAsync(id, DriftKinds.RouteDisabled);
        Emulator.SetLatency("DeleteRoutes", TimeSpan.FromSeconds(2));

        using var teardown = await Api.TeardownAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        using var repair = await PostAsync(id, "repair");

        Assert.Equal(HttpStatusCode.Conflict, repair.StatusCode);
        Assert.Contains("A teardown of", await repair.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Api.WaitUntilAsync(id, v => v.State == LifecycleStates.TornDown, "torn down");
        Assert.Null(await Client.GetInstanceAsync(PeeringInstanceIds.RepairOf(id)));
        Assert.Empty(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
    }

    /// <summary>
    /// An accepted cross-region peering alpha ↔ beta, Active, its policy set to "notify" (a tick reports, a person
    /// repairs), and checked once: healthy.
    /// </summary>
    private async Task<(string Id, string Pcx)> ActivePeeringAsync()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var pcx = AssertActive(await Api.WaitForEndAsync(started.Id), Emulator.Snapshot(), AlphaVpc, BetaVpc).PeeringConnectionId;
        Assert.Equal(RegistryStates.Active, (await Registry.UpdateAsync(started.Id, r => r with { RepairPolicy = RepairPolicies.Notify }))?.State);
        Assert.Empty((await host.TickAsync()).NewFindings);
        return (started.Id, pcx);
    }

    /// <summary>A tick of the real watcher: the record Drifted with findings of these kinds, in this order, and no repair started.</summary>
    private async Task<IReadOnlyList<DriftFinding>> DriftedAsync(string id, params string[] kinds)
    {
        var tick = await host.TickAsync();
        var record = (await Registry.GetAsync(id))!;
        Assert.Equal(RegistryStates.Drifted, record.State);
        Assert.Equal(kinds, record.Health!.Findings.Select(f => f.Kind));
        Assert.Empty(tick.RepairsStarted);
        return record.Health.Findings;
    }

    private Task<HttpResponseMessage> PostAsync(string id, string action) => Api.Http.PostAsync($"api/peerings/{id}/{action}", content: null);

    /// <summary>Until the peering's status document shows its repair ended (an outcome), as a portal would poll.</summary>
    private async Task<RepairView> RepairEndAsync(string id)
    {
        var view = await Api.WaitUntilAsync(id, v => v.Repair?.Outcome is not null, "its repair ended");
        return view.Repair!;
    }
}
