using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

public sealed class AcceptedPeeringTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task Accepted_peering_creates_routes_on_both_sides_and_verifies()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(NewPeeringId, outcome.PeeringConnectionId);
        Assert.Empty(outcome.Problems);
        Assert.Empty(outcome.Undone);
        Assert.Null(outcome.FailedStep);
        Assert.Null(outcome.ErrorCode);
        Assert.Equal(
        [
            // 1. pre-flight reads, both sides at once, and the configuration to check them against (UIN, quotas, channels)
            nameof(DescribeVpcActivity), nameof(DescribeRouteTablesActivity), nameof(DescribePeeringsActivity),
            nameof(DescribeVpcActivity), nameof(DescribeRouteTablesActivity), nameof(DescribePeeringsActivity),
            nameof(ResolvePreflightSettingsActivity),
            // 2.-5. request (recorded Requested), notify, (wait), the approval recorded, accept
            nameof(CreatePeeringActivity), nameof(RecordPeeringActivity), nameof(NotifyReceiverActivity),
            nameof(RecordPeeringActivity), nameof(AcceptPeeringActivity),
            // 5b. Tencent's state after the accept: routes may name the peering only once it is ACTIVE
            nameof(DescribePeeringsActivity),
            // 6. routes and associations, initiator then receiver
            nameof(CreateRoutesActivity), nameof(AssociateSubnetActivity), nameof(CreateRoutesActivity), nameof(AssociateSubnetActivity),
            // 7. verification: Tencent's state of the peering; the routes are checked against Tencent's CreateRoutes replies
            nameof(DescribePeeringsActivity),
            // 8. the registry keeps how it ended, and the sides hear it (a channel takes the notice here), together
            nameof(RecordPeeringActivity), nameof(NotifyOutcomeActivity),
        ], context.Names);
        Assert.Equal("ACTIVE", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task Pre_flight_reads_each_side_with_its_own_account_and_resolves_the_receivers_uin()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        var preflight = context.Calls.TakeWhile(c => c.Name != nameof(CreatePeeringActivity)).ToList();
        Assert.Equal(
            [new VpcTarget(Alpha, Guangzhou, AlphaVpc), new VpcTarget(Beta, Shanghai, BetaVpc)],
            preflight.Where(c => c.Name == nameof(DescribeVpcActivity)).Select(c => c.Input));
        Assert.Equal(
            [new VpcTarget(Alpha, Guangzhou, AlphaVpc), new VpcTarget(Beta, Shanghai, BetaVpc)],
            preflight.Where(c => c.Name == nameof(DescribeRouteTablesActivity)).Select(c => c.Input));
        Assert.Equal(
            [new PeeringLookup(Alpha, Guangzhou, VpcId: AlphaVpc), new PeeringLookup(Beta, Shanghai, VpcId: BetaVpc)],
            preflight.Where(c => c.Name == nameof(DescribePeeringsActivity)).Select(c => c.Input));
        Assert.Equal(new PreflightSettingsLookup(Alpha, Beta, ResolveReceiverUin: true), Assert.Single(preflight, c => c.Name == nameof(ResolvePreflightSettingsActivity)).Input);
    }

    [Fact]
    public async Task Request_is_made_with_the_initiators_account_towards_the_receivers_uin_and_region()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(
            new CreatePeeringInput(Alpha, Guangzhou, AlphaVpc, Demo.Name, BetaVpc, BetaUin, Shanghai, 10, "POSTPAID_BY_DAY_MAX"),
            Assert.Single(context.InputsOf<CreatePeeringInput>(nameof(CreatePeeringActivity))));
    }

    [Fact]
    public async Task Receiver_is_notified_with_the_instance_id_and_the_deadline()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta(timeout: TimeSpan.FromHours(24)));

        var notice = Assert.Single(context.InputsOf<NotifyReceiverInput>(nameof(NotifyReceiverActivity)));
        Assert.Equal(
            new NotifyReceiverInput(context.InstanceId, NewPeeringId, Demo.Name, Beta, null, Alpha, FakeOrchestrationContextDefaults.Now.AddHours(24)),
            notice);
    }

    [Fact]
    public async Task Acceptance_is_made_with_the_receivers_account_in_the_receivers_region()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(new PeeringTarget(Beta, Shanghai, NewPeeringId), Assert.Single(context.InputsOf<PeeringTarget>(nameof(AcceptPeeringActivity))));
    }

    [Fact]
    public async Task Routes_next_hop_the_peering_towards_the_peer_VPCs_primary_CIDR_by_default()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        var routes = context.InputsOf<CreateRoutesInput>(nameof(CreateRoutesActivity)).ToList();
        Assert.Collection(
            routes,
            alpha =>
            {
                Assert.Equal((Alpha, Guangzhou, AlphaPcxTable, NewPeeringId), (alpha.Account, alpha.Region, alpha.RouteTableId, alpha.PeeringConnectionId));
                Assert.Equal([BetaCidr], alpha.Destinations);
                Assert.Equal("peering alpha-beta", alpha.Description);
            },
            beta =>
            {
                Assert.Equal((Beta, Shanghai, BetaPcxTable, NewPeeringId), (beta.Account, beta.Region, beta.RouteTableId, beta.PeeringConnectionId));
                Assert.Equal([AlphaCidr], beta.Destinations); // the primary CIDR only, not alpha's assistant 10.11.0.0/16
            });

        Assert.Contains(cloud.RoutesIn(AlphaPcxTable), r => r is { DestinationCidrBlock: BetaCidr, GatewayType: "PEERCONNECTION", GatewayId: NewPeeringId });
        Assert.Contains(cloud.RoutesIn(BetaPcxTable), r => r is { DestinationCidrBlock: AlphaCidr, GatewayType: "PEERCONNECTION", GatewayId: NewPeeringId });
        Assert.Equal([BetaCidr], outcome.Initiator.Destinations);
        Assert.Equal([AlphaCidr], outcome.Receiver!.Destinations);
        Assert.Equal(
            cloud.RoutesIn(AlphaPcxTable).Where(r => r.GatewayId == NewPeeringId).Select(r => r.RouteItemId),
            outcome.Initiator.CreatedRouteItemIds);
        Assert.Equal(
            cloud.RoutesIn(BetaPcxTable).Where(r => r.GatewayId == NewPeeringId).Select(r => r.RouteItemId),
            outcome.Receiver.CreatedRouteItemIds);
    }

    [Fact]
    public async Task Subnets_are_moved_to_the_peering_tables_and_their_previous_tables_are_recorded()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(
            [new AssociateSubnetInput(Alpha, Guangzhou, AlphaWeb, AlphaPcxTable), new AssociateSubnetInput(Beta, Shanghai, BetaApp, BetaPcxTable)],
            context.InputsOf<AssociateSubnetInput>(nameof(AssociateSubnetActivity)));
        Assert.Equal([new AssociationChange(AlphaWeb, AlphaMainTable, AlphaPcxTable)], outcome.Initiator.AssociationChanges);
        Assert.Equal([new AssociationChange(BetaApp, BetaMainTable, BetaPcxTable)], outcome.Receiver!.AssociationChanges);
        Assert.Equal([AlphaWeb], cloud.SubnetsOn(AlphaPcxTable));
        Assert.Equal([AlphaDb], cloud.SubnetsOn(AlphaMainTable));
        Assert.Equal([BetaApp], cloud.SubnetsOn(BetaPcxTable));
    }

    [Fact]
    public async Task A_subnet_already_on_the_chosen_table_is_not_moved()
    {
        cloud.AssociateSubnet(new AssociateSubnetInput(Alpha, Guangzhou, AlphaWeb, AlphaPcxTable));
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.DoesNotContain(context.InputsOf<AssociateSubnetInput>(nameof(AssociateSubnetActivity)), a => a.Account == Alpha);
        Assert.Empty(outcome.Initiator.AssociationChanges);
    }

    [Fact]
    public async Task Verification_reads_the_peering_and_checks_the_routes_against_Tencents_CreateRoutes_replies()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        // Both sides' CreateRoutes replies list every destination (enabled, via the peering): no table is read again.
        var verification = context.CallsAfterFirst(nameof(CreateRoutesActivity)).Where(c => !Demo.Writes.Contains(c.Name) && c.Name is not nameof(NotifyOutcomeActivity) and not nameof(RecordPeeringActivity)).Select(c => c.Input).ToList();
        Assert.Equal([new PeeringLookup(Alpha, Guangzhou, PeeringConnectionId: NewPeeringId)], verification);
    }

    [Fact]
    public async Task Verification_reads_the_tables_of_a_side_whose_CreateRoutes_reply_does_not_list_every_route()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            // Tencent created beta's route but its reply did not list it
            .OnActivity<CreateRoutesInput, CreateRoutesResult>(nameof(CreateRoutesActivity), input =>
                input.Account == Beta ? cloud.CreateRoutes(input) with { Created = [] } : cloud.CreateRoutes(input));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        var verification = context.CallsAfterFirst(nameof(CreateRoutesActivity)).Where(c => !Demo.Writes.Contains(c.Name) && c.Name is not nameof(NotifyOutcomeActivity) and not nameof(RecordPeeringActivity)).Select(c => c.Input).ToList();
        Assert.Equal(
        [
            new PeeringLookup(Alpha, Guangzhou, PeeringConnectionId: NewPeeringId),
            new VpcTarget(Beta, Shanghai, BetaVpc),
        ], verification);
    }

    [Fact]
    public async Task Verification_reads_the_tables_of_a_side_whose_routes_were_there_before()
    {
        const string existing = "pcx-11ve0001";
        cloud.AddPeering(existing, Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        cloud.AddRoute(AlphaPcxTable, BetaCidr, "PEERCONNECTION", existing);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept(peeringConnectionId: existing));

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(
            [new VpcTarget(Alpha, Guangzhou, AlphaVpc)],
            context.CallsAfterFirst(nameof(CreateRoutesActivity)).Where(c => c.Name == nameof(DescribeRouteTablesActivity)).Select(c => c.Input));
    }

    [Fact]
    public async Task Deadline_timer_is_set_to_now_plus_the_requested_timeout_and_cancelled_when_the_decision_wins()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta(timeout: TimeSpan.FromHours(36)));

        var timer = context.Timer;
        Assert.Equal(FakeOrchestrationContextDefaults.Now.AddHours(36), timer.FireAt);
        Assert.True(timer.WasCancelled, "the losing deadline timer must be cancelled, or the instance stays Running until it fires");
        Assert.True(timer.Token.IsCancellationRequested);
        Assert.False(timer.Fired);
        Assert.All(context.Progress.Where(p => p.Step == PeeringSteps.WaitingForAcceptance), p => Assert.Equal(timer.FireAt, p.AcceptanceDeadline));
    }

    [Theory]
    [InlineData(7 * 24 + 1, 7 * 24)]
    [InlineData(30 * 24, 7 * 24)]
    [InlineData(7 * 24, 7 * 24)]
    [InlineData(1, 1)]
    public async Task Acceptance_deadline_is_the_requested_timeout_capped_at_seven_days(int requestedHours, int expectedHours)
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta(timeout: TimeSpan.FromHours(requestedHours)));

        Assert.Equal(FakeOrchestrationContextDefaults.Now.AddHours(expectedHours), context.Timer.FireAt);
        Assert.Equal(context.Timer.FireAt, Assert.Single(context.InputsOf<NotifyReceiverInput>(nameof(NotifyReceiverActivity))).AcceptanceDeadline);
    }

    [Fact]
    public async Task Without_a_requested_timeout_the_deadline_is_seven_days()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta() with { AcceptanceTimeout = null });

        Assert.Equal(FakeOrchestrationContextDefaults.Now.AddDays(7), context.Timer.FireAt);
    }

    [Fact]
    public async Task Peering_already_shows_waiting_for_acceptance_when_the_receiver_is_notified()
    {
        // A receiver who answers the notice at once must find the peering waiting, not still requesting.
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());
        PeeringProgress? statusWhenNotified = null;
        context.OnActivity<NotifyReceiverInput, bool>(nameof(NotifyReceiverActivity), _ =>
        {
            statusWhenNotified = context.Progress[^1];
            return true;
        });

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.NotNull(statusWhenNotified);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, statusWhenNotified.Step);
        Assert.Equal(NewPeeringId, statusWhenNotified.PeeringConnectionId);
        Assert.Equal(context.Timer.FireAt, statusWhenNotified.AcceptanceDeadline);
    }

    [Fact]
    public async Task Orchestrator_waits_for_the_decision_and_goes_on_when_it_arrives()
    {
        var context = Demo.ContextFor(cloud);

        var run = context.StartPeering(Demo.AlphaToBeta());

        Assert.False(run.IsCompleted);
        var waiting = context.Progress[^1];
        Assert.Equal(PeeringSteps.WaitingForAcceptance, waiting.Step);
        Assert.Equal(NewPeeringId, waiting.PeeringConnectionId);
        Assert.Equal([EventNames.Decision], context.WaitedEvents);
        Assert.DoesNotContain(nameof(AcceptPeeringActivity), context.Names);

        context.Decide(Demo.Accept());
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Single(context.InputsOf<PeeringTarget>(nameof(AcceptPeeringActivity)));
    }

    [Fact]
    public async Task Custom_status_walks_through_the_steps_in_order_and_ends_with_both_sides_verified()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(
        [
            PeeringSteps.Preflight, PeeringSteps.Requesting, PeeringSteps.WaitingForAcceptance, PeeringSteps.Accepting,
            PeeringSteps.Activating, PeeringSteps.Configuring, PeeringSteps.Verifying, PeeringSteps.Completed,
        ], context.Steps);
        var last = context.Progress[^1];
        Assert.Equal(new SideProgress(SideStates.Verified, 1, 1), last.Initiator);
        Assert.Equal(new SideProgress(SideStates.Verified, 1, 1), last.Receiver);
        Assert.Equal("Peering is ACTIVE and verified.", last.Message);
    }

    [Fact]
    public async Task Every_Tencent_call_carries_the_durable_retry_policy()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        var tencentCalls = context.Calls.Where(c => c.Name is not nameof(NotifyReceiverActivity) and not nameof(NotifyOutcomeActivity) and not nameof(ResolvePreflightSettingsActivity) and not nameof(RecordPeeringActivity)).ToList();
        Assert.NotEmpty(tencentCalls);
        Assert.All(tencentCalls, c => Assert.Same(TencentRetry.Options, c.Options));
    }
}
