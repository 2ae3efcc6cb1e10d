using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>
/// Tencent activates an accepted peering in its own time (cross-region accept is an asynchronous task) and the
/// activation may fail: the run reads until ACTIVE on backing-off durable timers before any route names the peering.
/// </summary>
public sealed class ActivationTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task A_slow_activation_is_waited_for_on_backing_off_timers_and_then_configured()
    {
        cloud.ActivatesAfter(reads: 4);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        var pauses = context.Timers.Where(t => t.Fired).Select(t => t.FireAt).ToList();
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.25), TimeSpan.FromSeconds(3.375)],
            pauses.Zip(pauses.Prepend(FakeOrchestrationContext.DefaultNow), (due, from) => due - from));
        var accept = context.Names.ToList().IndexOf(nameof(AcceptPeeringActivity));
        var firstRoute = context.Names.ToList().IndexOf(nameof(CreateRoutesActivity));
        Assert.Equal(5, context.Names.Skip(accept + 1).Take(firstRoute - accept - 1).Count(n => n == nameof(DescribePeeringsActivity)));
    }

    [Fact]
    public async Task The_status_says_activating_while_Tencent_keeps_the_accepted_peering_pending()
    {
        cloud.ActivatesAfter(reads: 2);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(
        [
            PeeringSteps.Preflight, PeeringSteps.Requesting, PeeringSteps.WaitingForAcceptance, PeeringSteps.Accepting,
            PeeringSteps.Activating, PeeringSteps.Configuring, PeeringSteps.Verifying, PeeringSteps.Completed,
        ], context.Steps);
        var activating = context.Progress.First(p => p.Step == PeeringSteps.Activating);
        Assert.Equal($"Accepted; waiting for Tencent to activate {NewPeeringId}.", activating.Message);
        Assert.Null(context.Progress.First(p => p.Step == PeeringSteps.Configuring).Message);
    }

    [Fact]
    public async Task Within_one_region_the_accept_is_not_followed_by_a_read()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta(
            receiver: new PeeringSide(Guangzhou, BetaGzVpc, Account: Beta, RouteTableId: BetaGzMainTable, SubnetIds: [BetaGzSubnet])));

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        var accept = context.Names.ToList().IndexOf(nameof(AcceptPeeringActivity));
        Assert.Equal(nameof(CreateRoutesActivity), context.Names[accept + 1]);
    }

    [Fact]
    public async Task An_instant_activation_costs_one_read_and_no_pause()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.DoesNotContain(context.Timers, t => t.Fired);
        var accept = context.Names.ToList().IndexOf(nameof(AcceptPeeringActivity));
        Assert.Equal([nameof(DescribePeeringsActivity), nameof(CreateRoutesActivity)], context.Names.Skip(accept + 1).Take(2));
    }

    [Fact]
    public async Task A_failed_activation_is_compensated_and_no_route_is_ever_created()
    {
        var before = cloud.Layout();
        cloud.ActivatesAfter(reads: 2, endsAs: "FAILED");
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(PeeringSteps.Activating, outcome.FailedStep);
        Assert.Equal([$"Tencent ended the activation of {NewPeeringId} FAILED, not ACTIVE."], outcome.Problems);
        Assert.Equal([$"deleted peering {NewPeeringId}"], outcome.Undone);
        Assert.DoesNotContain(nameof(CreateRoutesActivity), context.Names);
        Assert.Equal(before, cloud.Layout());
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task An_activation_that_never_ends_is_given_up_after_fifteen_minutes_and_compensated()
    {
        cloud.ActivatesAfter(reads: int.MaxValue);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(PeeringSteps.Activating, outcome.FailedStep);
        Assert.Equal([$"Tencent had not activated {NewPeeringId} after 15 minutes; it is still PENDING."], outcome.Problems);
        Assert.InRange(context.Now - FakeOrchestrationContext.DefaultNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.All(context.Timers.Where(t => t.Fired).Select(t => t.FireAt).Zip(context.Timers.Where(t => t.Fired).Select(t => t.FireAt).Skip(1)),
            pair => Assert.InRange(pair.Second - pair.First, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));
        Assert.Contains($"deleted peering {NewPeeringId}", outcome.Undone);
    }

    [Fact]
    public async Task A_peering_deleted_during_its_activation_fails_the_run_without_writing_routes()
    {
        cloud.ActivatesAfter(reads: 1, endsAs: "DELETED");
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal([$"Tencent ended the activation of {NewPeeringId} DELETED, not ACTIVE."], outcome.Problems);
        Assert.DoesNotContain(nameof(CreateRoutesActivity), context.Names);
    }

    [Fact]
    public async Task Runs_started_before_version_3_do_not_wait_for_the_activation()
    {
        cloud.ActivatesAfter(reads: 3);
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());
        context.Version = "2.0";

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        var accept = context.Names.ToList().IndexOf(nameof(AcceptPeeringActivity));
        Assert.Equal(nameof(CreateRoutesActivity), context.Names[accept + 1]);
        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(PeeringSteps.Verifying, outcome.FailedStep);
    }
}
