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
/// Issue 16's "done when", end to end on the local host: a peering made through the API (or in the console and
/// adopted), policy "repair", then changed the way a person changes it in the console; the real watcher's next tick
/// finds it, the status says it in plain words, the real repair puts it right (or, for a route pointed elsewhere and a
/// new CIDR of the peer, it is only reported), the emulator shows the result, and the tick after finds nothing new
/// and sends no second notice.
/// </summary>
public sealed class DriftFoundAndRepairedTests(WatcherHostFixture fixture) : IntegrationTest(fixture), IClassFixture<WatcherHostFixture>
{
    private readonly WatcherHostFixture host = fixture;

    private IPeeringRegistry Registry => host.Host.Registry;

    [Fact]
    public async Task A_route_deleted_in_the_console_is_found_said_in_plain_words_and_re_created()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = BetaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }],
        });

        var (finding, view) = await FoundAndRepairedAsync(id, DriftKinds.RouteMissing);

        Assert.Equal($"The route to {AlphaCidr} through {pcx} is missing from route table {BetaPeeringTable} of {BetaVpc} (beta).", finding.Description);
        AssertRoutesVia(Emulator.Snapshot(), BetaPeeringTable, pcx, AlphaCidr);
        Assert.Contains(view.Health!.History, e => e.Kind == HealthEventKinds.Repaired
            && e.Description.Contains($"re-created the route to {AlphaCidr} in {BetaPeeringTable} (beta)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_route_disabled_in_the_console_is_found_and_enabled_again()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).DisableRoutes(new DisableRoutesRequest { RouteTableId = AlphaPeeringTable, RouteItemIds = [route.RouteItemId] });

        var (finding, _) = await FoundAndRepairedAsync(id, DriftKinds.RouteDisabled);

        Assert.Contains($"route table {AlphaPeeringTable} of {AlphaVpc} (alpha) is disabled", finding.Description, StringComparison.Ordinal);
        AssertRoutesVia(Emulator.Snapshot(), AlphaPeeringTable, pcx, BetaCidr);
        Assert.Equal(route.RouteItemId, Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx)).RouteItemId);
    }

    [Fact]
    public async Task A_subnet_moved_back_in_the_console_is_found_and_moved_onto_the_peerings_table_again()
    {
        var (id, _) = await ActivePeeringAsync();
        await Fixture.ConsoleOf(Beta, Shanghai).ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            SubnetId = BetaAppSubnet, RouteTableId = BetaMainTable,
        });

        var (finding, _) = await FoundAndRepairedAsync(id, DriftKinds.SubnetMoved);

        Assert.Equal($"Subnet {BetaAppSubnet} of {BetaVpc} is back on its previous route table {BetaMainTable}, no longer on {BetaPeeringTable} with the peering's routes.",
            finding.Description);
        AssertOnTable(Emulator.Snapshot(), BetaAppSubnet, BetaPeeringTable);
    }

    [Fact]
    public async Task A_peering_the_receiver_deleted_is_found_its_routes_removed_its_subnets_restored_and_it_is_peer_deleted()
    {
        var (id, pcx) = await ActivePeeringAsync();
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = pcx });

        var (finding, view) = await FoundAndRepairedAsync(id, DriftKinds.PeeringGone, RepairKinds.PeerDeletedCleanup);

        Assert.Equal($"Peering connection {pcx} is DELETED on Tencent, no longer ACTIVE.", finding.Description);
        var state = Emulator.Snapshot();
        Assert.Empty(state.RoutesVia(AlphaPeeringTable, pcx));
        Assert.Empty(state.RoutesVia(BetaPeeringTable, pcx));
        Assert.Equal(Seeded.Associations(), state.Associations());
        Assert.Equal((RegistryStates.PeerDeleted, RegistryStates.PeerDeleted), (view.State, (await Registry.GetAsync(id))!.State));
        using var again = await Api.Http.PostAsync($"api/peerings/{id}/repair", content: null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_route_pointed_elsewhere_in_the_console_is_reported_once_and_left_untouched()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).ReplaceRoutes(new ReplaceRoutesRequest
        {
            RouteTableId = AlphaPeeringTable,
            Routes = [new Route { RouteItemId = route.RouteItemId, DestinationCidrBlock = BetaCidr, GatewayType = "NAT", GatewayId = "nat-12345678" }],
        });

        var (finding, view) = await FoundAndReportedAsync(id, DriftKinds.RouteRedirected);

        Assert.Contains($"now goes to NAT nat-12345678, not {pcx}", finding.Description, StringComparison.Ordinal);
        var untouched = Assert.Single(Emulator.Snapshot().RouteTable(AlphaPeeringTable)!.Routes, r => r.DestinationCidrBlock == BetaCidr);
        Assert.Equal(("NAT", "nat-12345678", route.RouteItemId), (untouched.GatewayType, untouched.GatewayId, untouched.RouteItemId));
        Assert.Null(view.Repair);
    }

    [Fact]
    public async Task An_assistant_cidr_added_to_the_peer_vpc_is_reported_once_and_extend_routes_then_routes_it()
    {
        var (id, pcx) = await ActivePeeringAsync();
        Emulator.AddAssistantCidr(BetaVpc, "172.17.0.0/16");

        var (finding, _) = await FoundAndReportedAsync(id, DriftKinds.CidrAdded);

        Assert.Equal((FindingSides.Receiver, "172.17.0.0/16"), (finding.Side, finding.Subject));
        Assert.Contains($"VPC {BetaVpc} gained the CIDR 172.17.0.0/16, which the routes of {AlphaPeeringTable} ({AlphaVpc}) do not cover", finding.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx), r => r.DestinationCidrBlock == "172.17.0.0/16");

        using var response = await Api.Http.PostAsync($"api/peerings/{id}/extend-routes", content: null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await Api.WaitUntilAsync(id, v => v.Repair?.Outcome is not null, "its extend-routes ended");

        Assert.Equal((RepairKinds.ExtendRoutes, RepairStatus.Repaired), (view.Repair!.Kind, view.Repair.Outcome));
        var routes = Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx);
        Assert.Equal([BetaCidr, "172.17.0.0/16"], routes.Select(r => r.DestinationCidrBlock).Order(StringComparer.Ordinal));
        Assert.All(routes, r => Assert.True(r.Enabled));
        Assert.Equal((RegistryStates.Active, HealthStatuses.Healthy), (view.State, view.Health!.Status));
        var after = await host.TickAsync();
        Assert.Equal((0, 0), (after.NewFindings.Count, after.RepairsStarted.Count));
        Assert.Single(host.Notices);
    }

    [Fact]
    public async Task A_peering_made_in_the_console_is_discovered_adopted_and_when_it_drifts_the_next_tick_repairs_it()
    {
        var pcx = await ConsolePeering.PeerAsync(Fixture);
        var adoption = new AdoptionDriver(Fixture.Http);
        Assert.NotNull(await adoption.DiscoveredAsync(pcx));
        var adopted = await adoption.AdoptCreatedAsync(Alpha, Guangzhou, pcx, RepairPolicies.Repair);
        var id = adopted.Id;
        Assert.Equal(ConsolePeering.PairId, id);
        // The first check takes the VPCs' CIDRs as they are (alpha's assistant CIDR, which beta never routed, is no news).
        var baseline = await host.TickAsync();
        Assert.Equal((1, 0), (baseline.PeeringsChecked, baseline.NewFindings.Count));
        Assert.Equal(HealthStatuses.Healthy, (await Registry.GetAsync(id))!.Health!.Status);

        // Later, alpha's route is deleted and the subnet that was on its table when adopted is moved off it.
        var alpha = Fixture.ConsoleOf(Alpha, Guangzhou);
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await alpha.DeleteRoutes(new DeleteRoutesRequest { RouteTableId = AlphaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }] });
        await alpha.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest { SubnetId = AlphaWebSubnet, RouteTableId = AlphaMainTable });

        var tick = await host.TickAsync();
        var view = await Api.WaitUntilAsync(id, v => v.Repair?.Outcome is not null, "its repair ended");

        Assert.Equal(2, tick.NewFindings.Count);
        Assert.Equal([$"{id}: {PeeringInstanceIds.RepairOf(id)}"], tick.RepairsStarted);
        Assert.Equal(RepairStatus.Repaired, view.Repair!.Outcome);
        var state = Emulator.Snapshot();
        AssertRoutesVia(state, AlphaPeeringTable, pcx, BetaGzCidr);
        AssertOnTable(state, AlphaWebSubnet, AlphaPeeringTable);
        Assert.Equal((RegistryStates.Active, HealthStatuses.Healthy, PeeringOrigins.Adopted), (view.State, view.Health!.Status, view.Origin));
        Assert.Equal([HealthEventKinds.Found, HealthEventKinds.Found, HealthEventKinds.Repaired], view.Health.History.Select(e => e.Kind));
        var next = await host.TickAsync();
        Assert.Equal((0, 0), (next.NewFindings.Count, next.RepairsStarted.Count));
        Assert.Equal(2, Assert.Single(host.Notices).Findings.Count);
    }

    /// <summary>
    /// A cross-region peering alpha ↔ beta made through the API and accepted, recorded Active with the default policy
    /// "repair", and checked once: healthy, no notice (alpha's assistant CIDR, which beta's routes leave out, is
    /// accepted as it was).
    /// </summary>
    private async Task<(string Id, string Pcx)> ActivePeeringAsync()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var pcx = AssertActive(await Api.WaitForEndAsync(started.Id), Emulator.Snapshot(), AlphaVpc, BetaVpc).PeeringConnectionId;
        Assert.Equal(RepairPolicies.Repair, (await Registry.GetAsync(started.Id))!.RepairPolicy);

        var baseline = await host.TickAsync();
        Assert.Empty(baseline.NewFindings);
        Assert.Equal(HealthStatuses.Healthy, (await Registry.GetAsync(started.Id))!.Health!.Status);
        return (started.Id, pcx);
    }

    /// <summary>
    /// The tick after the change finds one finding of <paramref name="kind"/>, tells both sides once and starts the
    /// repair; the status shows the repair ended Repaired, with what was found and what was done in its history; the
    /// next tick finds nothing new, starts nothing and sends no second notice.
    /// </summary>
    private async Task<(DriftFinding Finding, PeeringView View)> FoundAndRepairedAsync(string id, string kind, string repairKind = RepairKinds.Repair)
    {
        var tick = await host.TickAsync();
        var finding = FoundOnce(id, kind, tick);
        Assert.Equal([$"{id}: {PeeringInstanceIds.RepairOf(id)}"], tick.RepairsStarted);

        var view = await Api.WaitUntilAsync(id, v => v.Repair?.Outcome is not null, "its repair ended");

        Assert.Equal((repairKind, RepairStatus.Repaired), (view.Repair!.Kind, view.Repair.Outcome));
        Assert.Empty(view.Health!.Findings);
        Assert.Equal(
            [(HealthEventKinds.Found, finding.Description), (HealthEventKinds.Repaired, view.Repair.Message)],
            view.Health.History.Select(e => (e.Kind, (string?)e.Description)));
        var next = await host.TickAsync();
        Assert.Equal((0, 0), (next.NewFindings.Count, next.RepairsStarted.Count));
        Assert.Single(host.Notices);
        return (finding, view);
    }

    /// <summary>
    /// The tick after the change finds one finding of <paramref name="kind"/>, tells both sides once and starts no
    /// repair (a person's to decide); the status shows it Drifted with the finding; the next tick finds nothing new and
    /// sends no second notice, the finding still there as first seen.
    /// </summary>
    private async Task<(DriftFinding Finding, PeeringView View)> FoundAndReportedAsync(string id, string kind)
    {
        var tick = await host.TickAsync();
        var finding = FoundOnce(id, kind, tick);
        Assert.Empty(tick.RepairsStarted.Concat(tick.RepairsRefused));

        var next = await host.TickAsync();
        var view = await Api.GetAsync(id);

        Assert.Equal((0, 0), (next.NewFindings.Count, next.RepairsStarted.Count));
        Assert.Single(host.Notices);
        Assert.Equal((RegistryStates.Drifted, HealthStatuses.Drifted), (view.State, view.Health!.Status));
        Assert.Equal([finding], view.Health.Findings);
        Assert.Equal([(HealthEventKinds.Found, finding.Description)], view.Health.History.Select(e => (e.Kind, e.Description)));
        return (finding, view);
    }

    /// <summary>One new finding of <paramref name="kind"/> in the tick, and one notice naming it to both sides.</summary>
    private DriftFinding FoundOnce(string id, string kind, Peerings.Watching.DriftCheckReport tick)
    {
        var notice = Assert.Single(host.Notices);
        Assert.Equal((id, Alpha, Beta), (notice.InstanceId, notice.InitiatorAccount, notice.ReceiverAccount));
        var finding = Assert.Single(notice.Findings);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal([$"{id}: {finding.Description}"], tick.NewFindings);
        return finding;
    }
}
