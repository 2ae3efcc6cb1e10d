using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>A topology's pair arrives with its receiving account's consent: the peering neither notifies nor waits.</summary>
public sealed class PreApprovedPeeringTests
{
    private readonly DemoCloud cloud = new();

    private static PeeringRequest PreApproved(bool accept = true) => Demo.AlphaToBeta() with
    {
        PreApproval = new AcceptanceDecision("http:beta:k1", accept, DecisionSources.Topology, "approver of beta (http)"),
    };

    [Fact]
    public async Task A_pre_approved_peering_is_accepted_configured_and_verified_without_a_notice_or_a_wait()
    {
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunPeeringAsync(PreApproved());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.DoesNotContain(nameof(NotifyReceiverActivity), context.Names);
        Assert.Empty(context.WaitedEvents);
        Assert.Empty(context.Timers);
        Assert.Equal(new PeeringTarget(Beta, Shanghai, NewPeeringId), Assert.Single(context.InputsOf<PeeringTarget>(nameof(AcceptPeeringActivity))));
    }

    [Fact]
    public async Task The_topologys_consent_is_recorded_as_who_approved_and_shown_as_the_decision_taken()
    {
        var context = Demo.ContextFor(cloud);

        await context.RunPeeringAsync(PreApproved());

        Assert.Equal("approver of beta (http) (topology)", cloud.Registry.Values.Single().ApprovedBy);
        Assert.Contains(context.Progress, p => p.Decision == new DecisionTaken("http:beta:k1", true, DecisionSources.Topology));
    }

    [Fact]
    public async Task A_peering_without_a_pre_approval_still_asks_the_receiver_and_waits()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Contains(nameof(NotifyReceiverActivity), context.Names);
        Assert.Equal([EventNames.Decision], context.WaitedEvents);
        Assert.True(context.Timer.WasCancelled);
    }

    [Fact]
    public async Task The_registry_record_of_a_pre_approved_peering_names_the_topology_that_asked()
    {
        var context = Demo.ContextFor(cloud);

        await context.RunPeeringAsync(PreApproved() with { RequestedBy = "topology topology-core (portal)" });

        Assert.Equal(RegistryStates.Active, cloud.Registry.Values.Single().State);
        Assert.Equal("topology topology-core (portal)", cloud.Registry.Values.Single().RequestedBy);
    }
}
