using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Planning;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

public sealed class RepairOrchestratorTests
{
    private const string PeeringId = "peering-alpha-beta-0001";
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task A_deleted_route_is_recreated_and_a_disabled_one_enabled_on_both_sides_and_the_record_is_healthy_again()
    {
        await PeerAlphaAndBetaAsync();
        cloud.DeleteRoute(BetaPcxTable, AlphaCidr).DisableRoute(AlphaPcxTable, BetaCidr);
        var missing = Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr);
        var disabled = Finding(DriftKinds.RouteDisabled, FindingSides.Initiator, BetaCidr);
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.Repair,
            [AlphaRepair(enable: [BetaCidr]), BetaRepair(create: [AlphaCidr])], missing, disabled));

        Assert.Equal(RepairStatus.Repaired, outcome.Status);
        Assert.True(Assert.Single(cloud.RoutesIn(AlphaPcxTable), r => r.IsVia(NewPeeringId)).Enabled);
        Assert.Equal(AlphaCidr, Assert.Single(cloud.RoutesIn(BetaPcxTable), r => r.IsVia(NewPeeringId)).DestinationCidrBlock);
        Assert.Equal(
        [
            $"re-enabled the route to {BetaCidr} in {AlphaPcxTable} (alpha)",
            $"re-created the route to {AlphaCidr} in {BetaPcxTable} (beta)",
        ], outcome.Done);
        var record = cloud.Registry[PeeringId];
        Assert.Equal((RegistryStates.Active, HealthStatuses.Healthy), (record.State, record.Health!.Status));
        Assert.Empty(record.Health.Findings);
        var repaired = Assert.Single(record.Health.History);
        Assert.Equal(HealthEventKinds.Repaired, repaired.Kind);
        Assert.Contains($"re-created the route to {AlphaCidr} in {BetaPcxTable} (beta)", repaired.Description, StringComparison.Ordinal);
        Assert.Contains(Assert.Single(outcome.Sides, s => s.Side == FindingSides.Receiver).CreatedRoutes.Single().RouteItemId, record.Receiver.CreatedRouteItemIds);
    }

    [Fact]
    public async Task Both_sides_are_read_then_repaired_side_by_side_then_recorded_then_notified()
    {
        await PeerAlphaAndBetaAsync();
        cloud.DeleteRoute(BetaPcxTable, AlphaCidr).DisableRoute(AlphaPcxTable, BetaCidr);
        var context = Demo.ContextFor(cloud);

        context.RunInEpisodes(c => new RepairOrchestrator().RunAsync(c, Drifted(RepairKinds.Repair,
            [AlphaRepair(enable: [BetaCidr]), BetaRepair(create: [AlphaCidr])],
            Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr), Finding(DriftKinds.RouteDisabled, FindingSides.Initiator, BetaCidr))));

        Assert.Equal(
        [
            (1, nameof(ResolveLimitsActivity)),
            (2, nameof(DescribeVpcActivity)), (2, nameof(DescribeRouteTablesActivity)), (2, nameof(DescribeVpcActivity)), (2, nameof(DescribeRouteTablesActivity)),
            (3, nameof(EnableRoutesActivity)), (3, nameof(CreateRoutesActivity)),
            (4, nameof(RecordRepairActivity)),
            (5, nameof(NotifyRepairActivity)),
        ], context.Calls.Select(c => (c.Episode, c.Name)));
        Assert.Equal([RepairSteps.Checking, RepairSteps.Repairing, RepairSteps.Recording, RepairSteps.Completed], context.RepairProgress.Select(p => p.Step));
    }

    [Fact]
    public async Task A_destination_routed_elsewhere_by_now_is_reported_and_never_overridden()
    {
        await PeerAlphaAndBetaAsync();
        cloud.RedirectRoute(BetaPcxTable, AlphaCidr, "NAT", "nat-12345678");
        var missing = Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr);
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.Repair, [BetaRepair(create: [AlphaCidr])], missing));

        Assert.DoesNotContain(context.Names, Demo.Writes.Contains);
        var route = Assert.Single(cloud.RoutesIn(BetaPcxTable), r => r.DestinationCidrBlock == AlphaCidr);
        Assert.Equal(("NAT", "nat-12345678"), (route.GatewayType, route.GatewayId));
        Assert.Equal([$"{BetaPcxTable} routes {AlphaCidr} to NAT nat-12345678 now, not to {NewPeeringId}: left as it is (beta)"], outcome.Reported);
        var record = cloud.Registry[PeeringId];
        Assert.Equal([missing], record.Health!.Findings);
        Assert.Equal(RegistryStates.Drifted, record.State);
        Assert.Contains(record.Health.History, e => e.Kind == HealthEventKinds.Reported && e.Description.Contains("nat-12345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redirected_route_finding_is_only_reported_while_the_rest_is_repaired()
    {
        await PeerAlphaAndBetaAsync();
        cloud.RedirectRoute(AlphaPcxTable, BetaCidr, "NAT", "nat-12345678").MoveSubnet(BetaApp, BetaMainTable);
        var redirected = Finding(DriftKinds.RouteRedirected, FindingSides.Initiator, BetaCidr);
        var moved = Finding(DriftKinds.SubnetMoved, FindingSides.Receiver, BetaApp);
        var request = Drifted(RepairKinds.Repair, [BetaRepair(moves: [new SubnetMove(BetaApp, BetaPcxTable)])], moved) with { Reported = [redirected] };
        cloud.Registry[PeeringId] = cloud.Registry[PeeringId] with { Health = cloud.Registry[PeeringId].Health! with { Findings = [redirected, moved] } };

        var outcome = await Demo.ContextFor(cloud).RunRepairAsync(request);

        Assert.Equal(RepairStatus.Repaired, outcome.Status);
        Assert.Contains(BetaApp, cloud.SubnetsOn(BetaPcxTable));
        Assert.Equal("nat-12345678", Assert.Single(cloud.RoutesIn(AlphaPcxTable), r => r.DestinationCidrBlock == BetaCidr).GatewayId);
        var record = cloud.Registry[PeeringId];
        Assert.Equal([redirected], record.Health!.Findings);
        Assert.Equal([HealthEventKinds.Repaired, HealthEventKinds.Reported], record.Health.History.Select(e => e.Kind));
    }

    [Fact]
    public async Task The_cleanup_after_the_peer_deleted_the_peering_removes_our_routes_restores_the_subnets_and_marks_it_peer_deleted()
    {
        var before = cloud.Layout();
        await PeerAlphaAndBetaAsync();
        cloud.SetPeeringState(NewPeeringId, "DELETED");
        var gone = Finding(DriftKinds.PeeringGone, FindingSides.Peering, NewPeeringId);
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.PeerDeletedCleanup,
        [
            AlphaRepair(removeAll: true, moves: [new SubnetMove(AlphaWeb, AlphaMainTable, AlphaPcxTable)]),
            BetaRepair(removeAll: true, moves: [new SubnetMove(BetaApp, BetaMainTable, BetaPcxTable)]),
        ], gone));

        Assert.Equal(RepairStatus.Repaired, outcome.Status);
        Assert.Equal(before, cloud.Layout());
        var record = cloud.Registry[PeeringId];
        Assert.Equal(RegistryStates.PeerDeleted, record.State);
        Assert.Empty(record.Health!.Findings);
        Assert.StartsWith($"Cleaned up after the peer deleted {NewPeeringId}", outcome.Message, StringComparison.Ordinal);
        var notice = Assert.Single(cloud.RepairNotices);
        Assert.Equal((Alpha, Beta, RepairKinds.PeerDeletedCleanup), (notice.InitiatorAccount, notice.ReceiverAccount, notice.Kind));
    }

    [Fact]
    public async Task The_cleanup_moves_no_subnet_that_is_already_back_on_its_previous_table()
    {
        await PeerAlphaAndBetaAsync();
        cloud.SetPeeringState(NewPeeringId, "DELETED");
        cloud.MoveSubnet(BetaApp, BetaMainTable);
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.PeerDeletedCleanup,
            [BetaRepair(removeAll: true, moves: [new SubnetMove(BetaApp, BetaMainTable, BetaPcxTable)])],
            Finding(DriftKinds.PeeringGone, FindingSides.Peering, NewPeeringId)));

        Assert.DoesNotContain(nameof(AssociateSubnetActivity), context.Names);
        Assert.Equal([$"removed the route to {AlphaCidr} via {NewPeeringId} from {BetaPcxTable} (beta)"], outcome.Done);
        Assert.Equal(RepairStatus.Repaired, outcome.Status);
    }

    [Fact]
    public async Task Extending_routes_adds_the_peers_new_cidr_and_the_record_routes_it_too()
    {
        await PeerAlphaAndBetaAsync();
        var added = Finding(DriftKinds.CidrAdded, FindingSides.Initiator, AlphaAssistantCidr);

        var outcome = await Demo.ContextFor(cloud).RunRepairAsync(Drifted(RepairKinds.ExtendRoutes, [BetaRepair(create: [AlphaAssistantCidr])], added));

        Assert.Equal(RepairStatus.Repaired, outcome.Status);
        Assert.Equal([AlphaCidr, AlphaAssistantCidr], cloud.RoutesIn(BetaPcxTable).Where(r => r.IsVia(NewPeeringId)).Select(r => r.DestinationCidrBlock));
        var record = cloud.Registry[PeeringId];
        Assert.Equal([AlphaCidr, AlphaAssistantCidr], record.Receiver.Destinations);
        Assert.Equal(RegistryStates.Active, record.State);
        Assert.Equal([$"added the route to {AlphaAssistantCidr} in {BetaPcxTable} (beta)"], outcome.Done);
    }

    [Fact]
    public async Task Extending_routes_into_the_sides_own_cidr_is_refused_by_pre_flight_and_changes_nothing()
    {
        await PeerAlphaAndBetaAsync();
        var layout = cloud.Layout();
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.ExtendRoutes, [BetaRepair(create: ["172.16.8.0/24"])],
            Finding(DriftKinds.CidrAdded, FindingSides.Initiator, "172.16.8.0/24")));

        Assert.Equal(RepairStatus.Refused, outcome.Status);
        Assert.Equal([$"Destination 172.16.8.0/24 for {BetaPcxTable} overlaps {BetaVpc}'s own CIDR {BetaCidr}."], outcome.Problems);
        Assert.DoesNotContain(context.Names, Demo.Writes.Contains);
        Assert.Equal(layout, cloud.Layout());
        Assert.Equal(HealthEventKinds.RepairFailed, Assert.Single(cloud.Registry[PeeringId].Health!.History).Kind);
    }

    [Fact]
    public async Task Extending_routes_past_the_tables_route_quota_is_refused()
    {
        await PeerAlphaAndBetaAsync();
        cloud.Limits = new TencentLimits(10, RoutesPerRouteTable: 1);
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.ExtendRoutes, [BetaRepair(create: [AlphaAssistantCidr])],
            Finding(DriftKinds.CidrAdded, FindingSides.Initiator, AlphaAssistantCidr)));

        Assert.Equal(RepairStatus.Refused, outcome.Status);
        Assert.Contains("holds 1 of its 1 route entries", Assert.Single(outcome.Problems), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(CreateRoutesActivity), context.Names);
    }

    [Fact]
    public async Task A_removed_cidrs_route_is_removed_and_the_other_routes_stay()
    {
        await PeerAlphaAndBetaAsync();
        cloud.AddRoute(BetaPcxTable, AlphaAssistantCidr, "PEERCONNECTION", NewPeeringId);
        var removed = Finding(DriftKinds.CidrRemoved, FindingSides.Initiator, AlphaAssistantCidr);
        cloud.Registry[PeeringId] = cloud.Registry[PeeringId] with
        {
            Receiver = cloud.Registry[PeeringId].Receiver with { Destinations = [AlphaCidr, AlphaAssistantCidr] },
        };

        var outcome = await Demo.ContextFor(cloud).RunRepairAsync(Drifted(RepairKinds.Repair, [BetaRepair(remove: [AlphaAssistantCidr])], removed));

        Assert.Equal(RepairStatus.Repaired, outcome.Status);
        Assert.Equal([AlphaCidr], cloud.RoutesIn(BetaPcxTable).Where(r => r.IsVia(NewPeeringId)).Select(r => r.DestinationCidrBlock));
        Assert.Equal([AlphaCidr], cloud.Registry[PeeringId].Receiver.Destinations);
    }

    [Fact]
    public async Task A_failing_step_is_reported_the_other_side_is_still_repaired_and_the_finding_stays()
    {
        await PeerAlphaAndBetaAsync();
        cloud.DeleteRoute(BetaPcxTable, AlphaCidr).MoveSubnet(AlphaWeb, AlphaMainTable);
        var missing = Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr);
        var moved = Finding(DriftKinds.SubnetMoved, FindingSides.Initiator, AlphaWeb);
        var context = Demo.ContextFor(cloud).Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), "CreateRoutes: [InternalError] Something went wrong.");

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.Repair,
            [AlphaRepair(moves: [new SubnetMove(AlphaWeb, AlphaPcxTable)]), BetaRepair(create: [AlphaCidr])], missing, moved));

        Assert.Equal(RepairStatus.Failed, outcome.Status);
        Assert.Equal([$"could not repair {AlphaCidr} on the receiver's side: CreateRoutes: [InternalError] Something went wrong."], outcome.Problems);
        Assert.Contains(AlphaWeb, cloud.SubnetsOn(AlphaPcxTable));
        var record = cloud.Registry[PeeringId];
        Assert.Equal([missing], record.Health!.Findings);
        Assert.Equal((RegistryStates.Drifted, HealthEventKinds.RepairFailed), (record.State, record.Health.History.Single().Kind));
    }

    [Fact]
    public async Task A_repair_that_cannot_read_a_side_changes_nothing_and_still_takes_the_record_out_of_repairing_and_says_why()
    {
        await PeerAlphaAndBetaAsync();
        cloud.DeleteRoute(BetaPcxTable, AlphaCidr);
        var missing = Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr);
        var context = Demo.ContextFor(cloud).Fails<VpcTarget>(
            nameof(DescribeRouteTablesActivity), "DescribeRouteTables: [InternalError] Something went wrong.", when: t => t.Account == Beta);

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.Repair, [BetaRepair(create: [AlphaCidr])], missing));

        Assert.Equal(RepairStatus.Failed, outcome.Status);
        Assert.Equal("Repair failed: could not read the sides before repairing: DescribeRouteTables: [InternalError] Something went wrong. Nothing was changed.", outcome.Message);
        Assert.DoesNotContain(context.Names, Demo.Writes.Contains);
        Assert.DoesNotContain(cloud.RoutesIn(BetaPcxTable), r => r.IsVia(NewPeeringId));
        var record = cloud.Registry[PeeringId];
        Assert.Equal((RegistryStates.Drifted, HealthEventKinds.RepairFailed), (record.State, record.Health!.History.Single().Kind));
        Assert.Equal([missing], record.Health.Findings);
        Assert.Equal([nameof(RecordRepairActivity), nameof(NotifyRepairActivity)], context.Names.TakeLast(2));
    }

    [Fact]
    public async Task A_cleanup_that_cannot_read_a_side_does_not_count_the_deleted_peering_as_cleaned_up()
    {
        await PeerAlphaAndBetaAsync();
        cloud.SetPeeringState(NewPeeringId, "DELETED");
        var gone = Finding(DriftKinds.PeeringGone, FindingSides.Peering, NewPeeringId);
        var context = Demo.ContextFor(cloud).Fails<VpcTarget>(nameof(DescribeRouteTablesActivity), "DescribeRouteTables: [InternalError] Something went wrong.");

        var outcome = await context.RunRepairAsync(Drifted(RepairKinds.PeerDeletedCleanup,
            [AlphaRepair(removeAll: true), BetaRepair(removeAll: true)], gone));

        Assert.Equal(RepairStatus.Failed, outcome.Status);
        Assert.Equal([gone], cloud.Registry[PeeringId].Health!.Findings);
        Assert.NotEqual(RegistryStates.Repairing, cloud.Registry[PeeringId].State);
    }

    [Fact]
    public async Task A_repair_recorded_twice_is_written_once()
    {
        await PeerAlphaAndBetaAsync();
        var request = Drifted(RepairKinds.Repair, [BetaRepair(create: [AlphaCidr])], Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr));
        var context = Demo.ContextFor(cloud);
        await context.RunRepairAsync(request);
        var record = context.InputsOf<RepairRecord>(nameof(RecordRepairActivity)).Single();
        var registry = new InMemoryPeeringRegistry();
        await registry.UpsertAsync(cloud.Registry[PeeringId] with { State = RegistryStates.Repairing, Health = null });
        var audit = new PeeringFunctions.Registry.Audit.InMemoryAuditTrail();
        var activity = new RecordRepairActivity(
            registry,
            new PeeringFunctions.Workflow.Auditing.AuditWriter(audit, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PeeringFunctions.Workflow.Auditing.AuditWriter>.Instance),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RecordRepairActivity>.Instance);

        var first = await activity.RunAsync(null!, record);
        var second = await activity.RunAsync(null!, record);

        Assert.Equal((true, false), (first, second));
        Assert.Single((await registry.GetAsync(PeeringId))!.Health!.History);
        Assert.Single(await audit.ListAsync(PeeringId)); // its audit entry too is written once
    }

    private static readonly DateTimeOffset FoundAt = new(2025, 3, 14, 9, 15, 0, TimeSpan.Zero);

    public static DriftFinding Finding(string kind, string side, string subject) => new(kind, side, subject, $"{kind}: {subject} ({side})", FoundAt);

    public static SideRepair AlphaRepair(
        IReadOnlyList<string>? create = null, IReadOnlyList<string>? enable = null, IReadOnlyList<string>? remove = null,
        bool removeAll = false, IReadOnlyList<SubnetMove>? moves = null) =>
        new(FindingSides.Initiator, Alpha, Guangzhou, AlphaVpc, AlphaPcxTable, create ?? [], enable ?? [], remove ?? [], removeAll, moves ?? []);

    public static SideRepair BetaRepair(
        IReadOnlyList<string>? create = null, IReadOnlyList<string>? enable = null, IReadOnlyList<string>? remove = null,
        bool removeAll = false, IReadOnlyList<SubnetMove>? moves = null) =>
        new(FindingSides.Receiver, Beta, Shanghai, BetaVpc, BetaPcxTable, create ?? [], enable ?? [], remove ?? [], removeAll, moves ?? []);

    public static RepairRequest Request(string kind, IReadOnlyList<SideRepair> sides, params DriftFinding[] fixes) =>
        new(PeeringId, Demo.Name, kind, NewPeeringId, sides, fixes, [], Alpha, Beta, "watcher");

    /// <summary>The repair request, with its findings written into the registry record the way the watcher would, and the record Repairing.</summary>
    private RepairRequest Drifted(string kind, IReadOnlyList<SideRepair> sides, params DriftFinding[] fixes)
    {
        var record = cloud.Registry[PeeringId];
        cloud.Registry[PeeringId] = record with
        {
            State = RegistryStates.Repairing,
            Health = new PeeringHealth(HealthStatuses.Drifted, FoundAt, fixes, []),
        };
        return Request(kind, sides, fixes);
    }

    /// <summary>Runs the accepted peering on <see cref="cloud"/> (version 4.0 writes its registry record).</summary>
    private async Task PeerAlphaAndBetaAsync()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());
        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(AlphaCidr, Assert.Single(cloud.RoutesIn(BetaPcxTable), r => r.IsVia(NewPeeringId)).DestinationCidrBlock);
    }
}
