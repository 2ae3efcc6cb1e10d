using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>A failure after the request exists is undone in reverse order, unless the request asks to keep the partial work.</summary>
public sealed class CompensationTests
{
    private const string NextHopInvalid =
        "CreateRoutes: [InvalidParameterValue.RouteNextHopInvalid] The next hop pcx-ab12cd34 is not valid. (RequestId 5b1c0f8e-beta)";

    private static readonly string[] UndoneEverything =
    [
        $"moved subnet {BetaApp} back to {BetaMainTable} (beta)",
        $"removed the routes to {NewPeeringId} from {BetaPcxTable} (beta)",
        $"moved subnet {AlphaWeb} back to {AlphaMainTable} (alpha)",
        $"removed the routes to {NewPeeringId} from {AlphaPcxTable} (alpha)",
        $"deleted peering {NewPeeringId}",
    ];

    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task A_receiver_route_failure_undoes_every_change_in_reverse_order()
    {
        var before = cloud.Layout();
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(NewPeeringId, outcome.PeeringConnectionId);
        Assert.Equal(PeeringSteps.Configuring, outcome.FailedStep);
        Assert.Equal("InvalidParameterValue.RouteNextHopInvalid", outcome.ErrorCode);
        Assert.Equal([NextHopInvalid], outcome.Problems);
        Assert.Equal($"Failed at Configuring: {NextHopInvalid}", outcome.Message);
        Assert.Equal(UndoneEverything, outcome.Undone);
        Assert.Equal(
        [
            "AssociateSubnetActivity(beta, ap-shanghai, subnet-betaapp1 -> rtb-betamain)",
            "DeleteRoutesActivity(beta, ap-shanghai, rtb-betapcx1, pcx-ab12cd34, keep [])",
            "AssociateSubnetActivity(alpha, ap-guangzhou, subnet-alphaweb -> rtb-alphamai)",
            "DeleteRoutesActivity(alpha, ap-guangzhou, rtb-alphapcx, pcx-ab12cd34, keep [])",
            "DeletePeeringActivity(alpha, ap-guangzhou, pcx-ab12cd34)",
        ], Compensation(context));

        // Tencent is back where it was, and the peering is gone.
        Assert.Equal(before, cloud.Layout());
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task Compensation_is_reported_in_the_custom_status_and_both_sides_end_undone()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta);

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(
        [
            PeeringSteps.Preflight, PeeringSteps.Requesting, PeeringSteps.WaitingForAcceptance, PeeringSteps.Accepting,
            PeeringSteps.Activating, PeeringSteps.Configuring, PeeringSteps.Compensating, PeeringSteps.Completed,
        ], context.Steps);
        Assert.Equal(NextHopInvalid, context.Progress.First(p => p.Step == PeeringSteps.Compensating).Message);
        Assert.Contains(context.Progress, p => p.Receiver.State == SideStates.Failed);
        var last = context.Progress[^1];
        Assert.Equal(SideStates.Undone, last.Initiator.State);
        Assert.Equal(SideStates.Undone, last.Receiver.State);
        Assert.Equal($"Failed at Configuring: {NextHopInvalid}", last.Message);
    }

    [Fact]
    public async Task A_subnet_association_failure_is_compensated_and_its_code_reported()
    {
        const string failure = "ReplaceRouteTableAssociation: [UnsupportedOperation.SubnetInUse] The subnet is in use. (RequestId 9e1d-alpha)";
        var before = cloud.Layout();
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<AssociateSubnetInput>(nameof(AssociateSubnetActivity), failure, when: a => a.RouteTableId == AlphaPcxTable);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(PeeringSteps.Configuring, outcome.FailedStep);
        Assert.Equal("UnsupportedOperation.SubnetInUse", outcome.ErrorCode);
        Assert.Equal([failure], outcome.Problems);
        Assert.Equal(UndoneEverything, outcome.Undone);
        Assert.Equal(before, cloud.Layout());
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task A_transient_failure_that_outlasts_its_retries_is_compensated_like_a_permanent_one()
    {
        const string throttled = "CreateRoutes: [RequestLimitExceeded] Too many requests. (RequestId 77aa-alpha)";
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), throttled, transient: true, when: r => r.Account == Alpha);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal("RequestLimitExceeded", outcome.ErrorCode);
        Assert.Equal(UndoneEverything, outcome.Undone);
        Assert.Same(TencentRetry.Options, context.Calls.First(c => c.Name == nameof(CreateRoutesActivity)).Options);
    }

    [Fact]
    public async Task An_accept_failure_deletes_the_new_peering_and_nothing_else()
    {
        const string purview = "AcceptVpcPeeringConnection: [UnsupportedOperation.VpcPeerPurviewError] No permission. (RequestId 31f0-beta)";
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<PeeringTarget>(nameof(AcceptPeeringActivity), purview);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(PeeringSteps.Accepting, outcome.FailedStep);
        Assert.Equal("UnsupportedOperation.VpcPeerPurviewError", outcome.ErrorCode);
        Assert.Equal([$"deleted peering {NewPeeringId}"], outcome.Undone);
        Assert.Equal(["DeletePeeringActivity(alpha, ap-guangzhou, pcx-ab12cd34)"], Compensation(context, after: nameof(AcceptPeeringActivity)));
        Assert.DoesNotContain(nameof(CreateRoutesActivity), context.Names);
    }

    [Fact]
    public async Task Verification_finding_a_missing_route_fails_the_peering_and_compensates()
    {
        var before = cloud.Layout();
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            // Tencent answered CreateRoutes on beta's side without keeping the route
            .OnActivity<CreateRoutesInput, CreateRoutesResult>(nameof(CreateRoutesActivity), input =>
                input.Account == Beta ? new CreateRoutesResult(input.RouteTableId, [], []) : cloud.CreateRoutes(input));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(PeeringSteps.Verifying, outcome.FailedStep);
        Assert.Null(outcome.ErrorCode);
        Assert.Equal([$"Route {AlphaCidr} → {NewPeeringId} is missing from {BetaPcxTable} (beta)."], outcome.Problems);
        Assert.Equal(UndoneEverything, outcome.Undone);
        Assert.Equal(before, cloud.Layout());
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task Verification_requires_the_peering_to_be_ACTIVE_in_runs_from_before_the_activation_wait()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            // the accept call answered, but Tencent still shows the request PENDING
            .OnActivity<PeeringTarget, string>(nameof(AcceptPeeringActivity), _ => "ACTIVE");
        context.Version = "2.0";

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(PeeringSteps.Verifying, outcome.FailedStep);
        Assert.Equal([$"Peering {NewPeeringId} is PENDING, not ACTIVE."], outcome.Problems);
        Assert.Equal(UndoneEverything, outcome.Undone);
    }

    [Fact]
    public async Task Verification_reports_a_route_Tencent_reports_disabled()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .OnActivity<CreateRoutesInput, CreateRoutesResult>(nameof(CreateRoutesActivity), input =>
            {
                var result = cloud.CreateRoutes(input);
                if (input.Account != Alpha)
                {
                    return result;
                }

                // Tencent kept alpha's new route disabled, and says so in its reply
                cloud.DeleteRoutes(new DeleteRoutesInput(Alpha, Guangzhou, AlphaPcxTable, input.PeeringConnectionId, []));
                cloud.AddRoute(AlphaPcxTable, BetaCidr, "PEERCONNECTION", input.PeeringConnectionId, enabled: false);
                return result with { Created = [.. cloud.RoutesIn(AlphaPcxTable).Where(r => r.GatewayId == input.PeeringConnectionId)] };
            });

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringSteps.Verifying, outcome.FailedStep);
        Assert.Equal([$"Route {BetaCidr} → {NewPeeringId} in {AlphaPcxTable} (alpha) is disabled."], outcome.Problems);
    }

    [Fact]
    public async Task Verification_reports_a_disabled_route_and_a_subnet_not_associated_on_a_side_it_reads()
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        // alpha's route was there before (so verification reads alpha's tables), and it is disabled
        cloud.AddRoute(AlphaPcxTable, BetaCidr, "PEERCONNECTION", existing, enabled: false);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept(peeringConnectionId: existing))
            // the association call answered, but the subnet stayed where it was
            .OnActivity<AssociateSubnetInput, string>(nameof(AssociateSubnetActivity), input =>
                input.SubnetId == AlphaWeb && input.RouteTableId == AlphaPcxTable ? input.RouteTableId : cloud.AssociateSubnet(input));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringSteps.Verifying, outcome.FailedStep);
        Assert.Equal(
        [
            $"Route {BetaCidr} → {existing} in {AlphaPcxTable} (alpha) is disabled.",
            $"Subnet {AlphaWeb} is not associated with {AlphaPcxTable} (alpha).",
        ], outcome.Problems);
    }

    [Fact]
    public async Task Keeping_partial_work_runs_no_compensation_and_says_what_was_kept()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta(keepPartialWork: true));

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal("InvalidParameterValue.RouteNextHopInvalid", outcome.ErrorCode);
        Assert.Empty(outcome.Undone);
        Assert.Empty(Compensation(context));
        Assert.Equal("ACTIVE", cloud.PeeringState(NewPeeringId));
        Assert.Contains(cloud.RoutesIn(AlphaPcxTable), r => r.GatewayId == NewPeeringId);
        Assert.Equal([AlphaWeb], cloud.SubnetsOn(AlphaPcxTable));
        Assert.Equal(NextHopInvalid, outcome.Problems[0]);
        var kept = outcome.Problems.Skip(1).ToList();
        Assert.Equal(5, kept.Count);
        Assert.All(kept, p => Assert.StartsWith("kept for inspection: ", p, StringComparison.Ordinal));
        Assert.Contains(kept, p => p.Contains(NewPeeringId, StringComparison.Ordinal) && p.Contains("peering", StringComparison.Ordinal));
        Assert.Contains(kept, p => p.Contains(AlphaPcxTable, StringComparison.Ordinal));
        Assert.Contains(kept, p => p.Contains(BetaPcxTable, StringComparison.Ordinal));
        Assert.Contains(kept, p => p.Contains(AlphaWeb, StringComparison.Ordinal));
        Assert.Contains(kept, p => p.Contains(BetaApp, StringComparison.Ordinal));
        Assert.DoesNotContain(PeeringSteps.Compensating, context.Steps);
        Assert.NotEqual(SideStates.Undone, context.Progress[^1].Initiator.State);
    }

    [Fact]
    public async Task Kept_partial_work_is_not_described_as_undone()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta(keepPartialWork: true));

        var kept = outcome.Problems.Skip(1).ToList();
        Assert.Equal(5, kept.Count);
        Assert.All(kept, p =>
        {
            Assert.DoesNotContain("deleted peering", p, StringComparison.Ordinal);
            Assert.DoesNotContain("removed the routes", p, StringComparison.Ordinal);
            Assert.DoesNotContain("back to", p, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_compensation_step_that_fails_is_reported_and_does_not_stop_the_others()
    {
        const string throttled = "DeleteRoutes: [RequestLimitExceeded] Too many requests. (RequestId 0c3e-alpha)";
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta)
            .Fails<DeleteRoutesInput>(nameof(DeleteRoutesActivity), throttled, transient: true, when: r => r.Account == Alpha);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(
        [
            $"moved subnet {BetaApp} back to {BetaMainTable} (beta)",
            $"removed the routes to {NewPeeringId} from {BetaPcxTable} (beta)",
            $"moved subnet {AlphaWeb} back to {AlphaMainTable} (alpha)",
            $"deleted peering {NewPeeringId}",
        ], outcome.Undone);
        Assert.Equal(
        [
            NextHopInvalid,
            $"could not undo (removed the routes to {NewPeeringId} from {AlphaPcxTable} (alpha)): {throttled}",
        ], outcome.Problems);
        Assert.Equal([nameof(DeletePeeringActivity), nameof(RecordPeeringActivity), nameof(NotifyOutcomeActivity)], context.Names.TakeLast(3));
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task A_peering_the_initiator_may_not_delete_is_deleted_with_the_receivers_credentials()
    {
        const string refused = "DeleteVpcPeeringConnection: [UnauthorizedOperation] Not allowed. (RequestId 4b7e-alpha)";
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta)
            .Fails<PeeringTarget>(nameof(DeletePeeringActivity), refused, when: p => p.Account == Alpha);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(UndoneEverything, outcome.Undone);
        Assert.Equal([NextHopInvalid], outcome.Problems);
        Assert.Equal(
            [new PeeringTarget(Alpha, Guangzhou, NewPeeringId), new PeeringTarget(Beta, Shanghai, NewPeeringId)],
            context.InputsOf<PeeringTarget>(nameof(DeletePeeringActivity)));
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task A_reused_peering_is_never_deleted_and_its_earlier_routes_are_kept()
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        var earlierRoute = cloud.AddRoute(AlphaPcxTable, "172.16.0.0/17", "PEERCONNECTION", existing);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept(peeringConnectionId: existing))
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta(
            initiator: Demo.AlphaSide(destinations: ["172.16.0.0/17", "172.16.128.0/17"])));

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(existing, outcome.PeeringConnectionId);
        Assert.DoesNotContain(nameof(CreatePeeringActivity), context.Names);
        Assert.DoesNotContain(nameof(DeletePeeringActivity), context.Names);
        Assert.DoesNotContain(outcome.Undone, u => u.Contains("deleted peering", StringComparison.Ordinal));
        Assert.Equal(["172.16.128.0/17"], context.InputsOf<CreateRoutesInput>(nameof(CreateRoutesActivity)).First(r => r.Account == Alpha).Destinations);
        var alphaCleanup = Assert.Single(context.InputsOf<DeleteRoutesInput>(nameof(DeleteRoutesActivity)), d => d.Account == Alpha);
        Assert.Equal([earlierRoute], alphaCleanup.KeepRouteItemIds);
        Assert.Empty(Assert.Single(context.InputsOf<DeleteRoutesInput>(nameof(DeleteRoutesActivity)), d => d.Account == Beta).KeepRouteItemIds);
        Assert.Equal("ACTIVE", cloud.PeeringState(existing));
        Assert.Equal([("172.16.0.0/17", earlierRoute)], cloud.RoutesIn(AlphaPcxTable).Where(r => r.GatewayId == existing).Select(r => (r.DestinationCidrBlock, r.RouteItemId)));
    }

    [Fact]
    public async Task A_side_with_no_route_to_add_gets_no_route_cleanup()
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        cloud.AddRoute(AlphaPcxTable, BetaCidr, "PEERCONNECTION", existing);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept(peeringConnectionId: existing))
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), NextHopInvalid, when: r => r.Account == Beta);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.DoesNotContain(context.InputsOf<CreateRoutesInput>(nameof(CreateRoutesActivity)), r => r.Account == Alpha);
        Assert.Equal([Beta], context.InputsOf<DeleteRoutesInput>(nameof(DeleteRoutesActivity)).Select(d => d.Account));
        Assert.Single(cloud.RoutesIn(AlphaPcxTable), r => r.GatewayId == existing);
    }

    [Fact]
    public async Task A_failed_withdrawal_after_the_deadline_is_reported_as_a_failure()
    {
        const string failure = "DeleteVpcPeeringConnection: [InternalError] Try again later. (RequestId 6d2a-alpha)";
        var context = Demo.ContextFor(cloud).DeadlinePasses()
            .Fails<PeeringTarget>(nameof(DeletePeeringActivity), failure);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal("InternalError", outcome.ErrorCode);
        Assert.Empty(outcome.Undone);
        Assert.Equal([failure, $"could not undo (deleted peering {NewPeeringId}): {failure}"], outcome.Problems);
    }

    [Fact]
    public async Task A_failed_withdrawal_after_the_deadline_names_a_step_that_was_not_completed()
    {
        const string failure = "DeleteVpcPeeringConnection: [InternalError] Try again later. (RequestId 6d2a-alpha)";
        var context = Demo.ContextFor(cloud).DeadlinePasses()
            .Fails<PeeringTarget>(nameof(DeletePeeringActivity), failure);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.NotEqual(PeeringSteps.Completed, outcome.FailedStep);
        Assert.DoesNotContain("Failed at Completed", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, context.Progress.Count(p => p.Step == PeeringSteps.Completed));
    }

    /// <summary>The calls after the failing one (the first failure of <paramref name="after"/>, or the failing CreateRoutes / AssociateSubnet).</summary>
    private static List<string> Compensation(FakeOrchestrationContext context, string? after = null)
    {
        var calls = context.Calls;
        var start = after is not null
            ? calls.ToList().FindIndex(c => c.Name == after)
            : calls.ToList().FindLastIndex(c => c.Name is nameof(CreateRoutesActivity) || (c.Name is nameof(AssociateSubnetActivity) && IsForwardMove(c.Input)));
        return [.. calls.Skip(start + 1).Where(c => Demo.Writes.Contains(c.Name)).Select(CallText.Of)];
    }

    private static bool IsForwardMove(object? input) =>
        input is AssociateSubnetInput { RouteTableId: AlphaPcxTable or BetaPcxTable };
}
