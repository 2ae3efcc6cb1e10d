using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;
using static PeeringFunctions.Workflow.Tests.Orchestrations.RepairOrchestratorTests;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>
/// Repairs in flight replay their history like any orchestration: what a repair schedules is recorded in
/// Histories/repair-*.history, and a change to it needs a version gate (the repair has none yet: it is new).
/// </summary>
public sealed class RepairHistoryTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task A_repair_of_a_missing_route_a_disabled_route_and_a_moved_subnet_schedules_the_recorded_history()
    {
        await PeerAsync();
        cloud.DeleteRoute(BetaPcxTable, AlphaCidr).DisableRoute(AlphaPcxTable, BetaCidr).MoveSubnet(AlphaWeb, AlphaMainTable);
        var request = Request(RepairKinds.Repair,
            [AlphaRepair(enable: [BetaCidr], moves: [new SubnetMove(AlphaWeb, AlphaPcxTable)]), BetaRepair(create: [AlphaCidr])],
            Finding(DriftKinds.RouteMissing, FindingSides.Receiver, AlphaCidr),
            Finding(DriftKinds.RouteDisabled, FindingSides.Initiator, BetaCidr),
            Finding(DriftKinds.SubnetMoved, FindingSides.Initiator, AlphaWeb));

        HistoryCompatibilityTests.AssertRecorded("repair", Repair(request));
    }

    [Fact]
    public async Task The_cleanup_after_the_peer_deleted_the_peering_schedules_the_recorded_history()
    {
        await PeerAsync();
        cloud.SetPeeringState(NewPeeringId, "DELETED");
        var request = Request(RepairKinds.PeerDeletedCleanup,
        [
            AlphaRepair(removeAll: true, moves: [new SubnetMove(AlphaWeb, AlphaMainTable, AlphaPcxTable)]),
            BetaRepair(removeAll: true, moves: [new SubnetMove(BetaApp, BetaMainTable, BetaPcxTable)]),
        ], Finding(DriftKinds.PeeringGone, FindingSides.Peering, NewPeeringId));

        HistoryCompatibilityTests.AssertRecorded("repair-peer-deleted", Repair(request));
    }

    private IReadOnlyList<string> Repair(RepairRequest request)
    {
        var context = Demo.ContextFor(cloud);
        context.RunInEpisodes(c => new RepairOrchestrator().RunAsync(c, request));
        return HistoryCompatibilityTests.History(context);
    }

    private async Task PeerAsync() =>
        Assert.Equal(PeeringStatus.Active, (await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta())).Status);
}
