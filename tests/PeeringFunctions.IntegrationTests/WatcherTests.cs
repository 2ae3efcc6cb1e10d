using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings.Watching;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// The watcher on the local host against the emulator: a peering made through the API, then changed the way a person
/// changes it (our client against the emulator, as the console); the next tick finds it, the record's health says it
/// in plain words, one notice goes out; the tick after finds nothing new and sends nothing. Policy notify: repairs
/// are the repair orchestration's, not the watcher's.
/// </summary>
public sealed class WatcherTests(WatcherHostFixture fixture) : IntegrationTest(fixture), IClassFixture<WatcherHostFixture>
{
    private readonly WatcherHostFixture host = fixture;

    private IPeeringRegistry Registry => host.Host.Registry;

    [Fact]
    public async Task A_peering_as_it_was_made_is_healthy_after_a_tick_that_only_reads_tencent()
    {
        var (id, _) = await ActivePeeringAsync();
        Emulator.ResetCalls();

        var report = await host.TickAsync();

        var record = await Registry.GetAsync(id);
        Assert.Equal((HealthStatuses.Healthy, RegistryStates.Active), (record!.Health!.Status, record.State));
        Assert.Empty(record.Health.Findings);
        Assert.Equal((1, 2, 0), (report.PeeringsChecked, report.Groups, report.NewFindings.Count));
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.Equal(report.TotalTencentCalls, (int)Emulator.Calls().Totals.Total);
        Assert.Empty(host.Notices);
    }

    [Fact]
    public async Task A_route_deleted_in_the_console_is_found_once_and_said_in_plain_words()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = BetaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }],
        });

        var finding = await FoundOnceAsync(id, DriftKinds.RouteMissing);

        Assert.Equal((FindingSides.Receiver, AlphaCidr), (finding.Side, finding.Subject));
        Assert.Equal($"The route to {AlphaCidr} through {pcx} is missing from route table {BetaPeeringTable} of {BetaVpc} (beta).", finding.Description);
    }

    [Fact]
    public async Task A_route_disabled_in_the_console_is_found_once()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).DisableRoutes(new DisableRoutesRequest { RouteTableId = AlphaPeeringTable, RouteItemIds = [route.RouteItemId] });

        var finding = await FoundOnceAsync(id, DriftKinds.RouteDisabled);

        Assert.Equal((FindingSides.Initiator, BetaCidr), (finding.Side, finding.Subject));
        Assert.Contains($"route table {AlphaPeeringTable} of {AlphaVpc} (alpha) is disabled", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_pointed_elsewhere_in_the_console_is_found_once_and_left_as_it_is()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).ReplaceRoutes(new ReplaceRoutesRequest
        {
            RouteTableId = AlphaPeeringTable,
            Routes = [new Route { RouteItemId = route.RouteItemId, DestinationCidrBlock = BetaCidr, GatewayType = "NAT", GatewayId = "nat-12345678" }],
        });

        var finding = await FoundOnceAsync(id, DriftKinds.RouteRedirected);

        Assert.Contains($"now goes to NAT nat-12345678, not {pcx}", finding.Description, StringComparison.Ordinal);
        Assert.Equal("nat-12345678", Emulator.Snapshot().RouteTables.Single(t => t.RouteTableId == AlphaPeeringTable)
            .Routes.Single(r => r.DestinationCidrBlock == BetaCidr).GatewayId);
    }

    [Fact]
    public async Task A_subnet_moved_back_in_the_console_is_found_once()
    {
        var (id, _) = await ActivePeeringAsync();
        await Fixture.ConsoleOf(Beta, Shanghai).ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            SubnetId = BetaAppSubnet, RouteTableId = BetaMainTable,
        });

        var finding = await FoundOnceAsync(id, DriftKinds.SubnetMoved);

        Assert.Equal((FindingSides.Receiver, BetaAppSubnet), (finding.Side, finding.Subject));
        Assert.Equal($"Subnet {BetaAppSubnet} of {BetaVpc} is back on its previous route table {BetaMainTable}, no longer on {BetaPeeringTable} with the peering's routes.",
            finding.Description);
    }

    [Fact]
    public async Task A_peering_the_receiver_deleted_is_found_gone_once()
    {
        var (id, pcx) = await ActivePeeringAsync();
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = pcx });

        var finding = await FoundOnceAsync(id, DriftKinds.PeeringGone);

        Assert.Equal($"Peering connection {pcx} is DELETED on Tencent, no longer ACTIVE.", finding.Description);
    }

    [Fact]
    public async Task An_assistant_cidr_added_to_the_peer_vpc_is_found_once_on_the_side_whose_routes_miss_it()
    {
        var (id, _) = await ActivePeeringAsync();
        Emulator.AddAssistantCidr(BetaVpc, "172.17.0.0/16");

        var finding = await FoundOnceAsync(id, DriftKinds.CidrAdded);

        Assert.Equal((FindingSides.Initiator, "172.17.0.0/16"), (finding.Side, finding.Subject));
        Assert.Contains($"VPC {BetaVpc} gained the CIDR 172.17.0.0/16", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finding_put_right_by_hand_is_cleared_and_the_peering_is_active_and_healthy_again()
    {
        var (id, pcx) = await ActivePeeringAsync();
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        var console = Fixture.ConsoleOf(Alpha, Guangzhou);
        await console.DisableRoutes(new DisableRoutesRequest { RouteTableId = AlphaPeeringTable, RouteItemIds = [route.RouteItemId] });
        await FoundOnceAsync(id, DriftKinds.RouteDisabled);

        await console.EnableRoutes(new EnableRoutesRequest { RouteTableId = AlphaPeeringTable, RouteItemIds = [route.RouteItemId] });
        await host.TickAsync();

        var record = await Registry.GetAsync(id);
        Assert.Equal((HealthStatuses.Healthy, RegistryStates.Active), (record!.Health!.Status, record.State));
        Assert.Equal([HealthEventKinds.Found, HealthEventKinds.Cleared], record.Health.History.Select(h => h.Kind));
        Assert.Single(host.Notices);
    }

    [Fact]
    public async Task A_peering_with_the_repair_policy_asks_for_a_repair_of_a_repairable_finding()
    {
        var (id, pcx) = await ActivePeeringAsync(RepairPolicies.Repair);
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).DisableRoutes(new DisableRoutesRequest { RouteTableId = AlphaPeeringTable, RouteItemIds = [route.RouteItemId] });

        var report = await host.TickAsync();

        // Started, or refused with a reason: either way asked exactly once for this peering.
        Assert.Single(report.RepairsStarted.Concat(report.RepairsRefused), r => r.StartsWith(id + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_whose_reads_fail_leaves_its_peerings_as_they_were_and_the_other_groups_are_still_checked()
    {
        var (crossRegion, pcx) = await ActivePeeringAsync();
        var sameAccount = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        Assert.Equal(PeeringStatus.Active, (await Api.WaitForEndAsync(sameAccount.Id)).State);
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        await Fixture.ConsoleOf(Alpha, Guangzhou).DisableRoutes(new DisableRoutesRequest { RouteTableId = AlphaPeeringTable, RouteItemIds = [route.RouteItemId] });
        var before = await Registry.GetAsync(crossRegion);
        Emulator.AddFault(new TencentVpcEmulator.FaultRule { Action = "DescribeVpcs", Account = Alpha, Code = "UnauthorizedOperation" });

        var report = await host.TickAsync();

        Assert.StartsWith($"{Alpha}/{Guangzhou}: ", Assert.Single(report.GroupErrors), StringComparison.Ordinal);
        Assert.Equal((1, 1), (report.PeeringsChecked, report.PeeringsSkipped));
        Assert.Equal(before!.Health, (await Registry.GetAsync(crossRegion))!.Health); // its disabled route waits for a tick that can read alpha
        Assert.Equal(HealthStatuses.Healthy, (await Registry.GetAsync(sameAccount.Id))!.Health!.Status);
        Assert.Empty(host.Notices);
    }

    /// <summary>
    /// A cross-region peering made through the API and accepted, recorded Active with the policy given, and checked
    /// once: healthy, no notice (alpha's assistant CIDR, which beta's routes leave out, is accepted as it was).
    /// </summary>
    private async Task<(string Id, string Pcx)> ActivePeeringAsync(string policy = RepairPolicies.Notify)
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var pcx = AssertActive(await Api.WaitForEndAsync(started.Id), Emulator.Snapshot(), AlphaVpc, BetaVpc).PeeringConnectionId;
        await Registry.UpdateAsync(started.Id, r => r with { RepairPolicy = policy });

        var baseline = await host.TickAsync();
        Assert.Empty(baseline.NewFindings);
        Assert.Equal(HealthStatuses.Healthy, (await Registry.GetAsync(started.Id))!.Health!.Status);
        return (started.Id, pcx);
    }

    /// <summary>
    /// The tick after the change: one finding of <paramref name="kind"/> in the record, Drifted, one notice naming it to
    /// both sides; then a second tick finds nothing new, sends nothing more, and keeps the finding as first seen.
    /// </summary>
    private async Task<DriftFinding> FoundOnceAsync(string id, string kind)
    {
        var first = await host.TickAsync();
        var record = await Registry.GetAsync(id);
        var finding = Assert.Single(record!.Health!.Findings);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal((HealthStatuses.Drifted, RegistryStates.Drifted), (record.Health.Status, record.State));
        Assert.Equal([$"{id}: {finding.Description}"], first.NewFindings);
        var notice = Assert.Single(host.Notices);
        Assert.Equal((id, Alpha, Beta), (notice.InstanceId, notice.InitiatorAccount, notice.ReceiverAccount));
        Assert.Equal([finding.Description], notice.Findings.Select(f => f.Description));

        var second = await host.TickAsync();
        Assert.Empty(second.NewFindings);
        Assert.Single(host.Notices);
        var after = await Registry.GetAsync(id);
        Assert.Equal(finding, Assert.Single(after!.Health!.Findings));
        Assert.True(after.Health.CheckedAt > record.Health.CheckedAt);
        return finding;
    }
}
