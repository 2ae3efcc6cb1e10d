using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
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
/// in plain words, one notice goes out; the tick after finds nothing new and sends nothing. Policy notify, so only
/// reads and reports (but a peering the peer deleted is cleaned up whatever the policy). Each drift kind repaired
/// under policy "repair" is DriftFoundAndRepairedTests'.
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
    public async Task Under_policy_notify_a_route_deleted_in_the_console_is_found_once_and_said_but_not_repaired()
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
        Assert.Empty(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        Assert.Null(await Client.GetInstanceAsync(PeeringInstanceIds.RepairOf(id)));
    }

    [Fact]
    public async Task Under_policy_notify_a_peering_the_receiver_deleted_is_still_cleaned_up_and_marked_peer_deleted()
    {
        var (id, pcx) = await ActivePeeringAsync();
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = pcx });

        var report = await host.TickAsync();
        var view = await Api.WaitUntilAsync(id, v => v.Repair?.Outcome is not null, "its cleanup ended");

        Assert.Equal([$"{id}: {PeeringInstanceIds.RepairOf(id)}"], report.RepairsStarted);
        Assert.Equal((RepairKinds.PeerDeletedCleanup, RepairStatus.Repaired, RegistryStates.PeerDeleted), (view.Repair!.Kind, view.Repair.Outcome, view.State));
        Assert.Empty(Emulator.Snapshot().RoutesVia(AlphaPeeringTable, pcx));
        Assert.Equal(Seeded.Associations(), Emulator.Snapshot().Associations());
        Assert.Single(host.Notices);
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

    [Fact]
    public async Task A_peering_left_repairing_by_a_repair_that_stopped_is_active_again_after_a_tick()
    {
        var (id, _) = await ActivePeeringAsync();
        await Registry.UpdateAsync(id, r => r with { State = RegistryStates.Repairing }); // and no repair instance runs

        await host.TickAsync();

        var record = await Registry.GetAsync(id);
        Assert.Equal((RegistryStates.Active, HealthStatuses.Healthy), (record!.State, record.Health!.Status));
    }

    [Fact]
    public async Task A_drifted_peering_left_repairing_by_a_repair_that_stopped_gets_a_new_repair_under_policy_repair()
    {
        var (id, pcx) = await ActivePeeringAsync(RepairPolicies.Repair);
        var route = Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = BetaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }],
        });
        await Registry.UpdateAsync(id, r => r with { State = RegistryStates.Repairing });

        var report = await host.TickAsync();

        Assert.Equal([$"{id}: {PeeringInstanceIds.RepairOf(id)}"], report.RepairsStarted);
        await Client.WaitForInstanceCompletionAsync(PeeringInstanceIds.RepairOf(id));
        Assert.Single(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        Assert.Equal(RegistryStates.Active, (await Registry.GetAsync(id))!.State);
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
