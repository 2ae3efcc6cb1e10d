using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>The initiator's channel hears how every peering ended, once, as the last thing the orchestrator does.</summary>
public sealed class OutcomeNoticeTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task An_active_peering_is_announced_once_with_its_status_and_pcx()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        var notice = Assert.Single(context.InputsOf<PeeringOutcomeNotice>(nameof(NotifyOutcomeActivity)));
        Assert.Equal(nameof(NotifyOutcomeActivity), context.Names[^1]);
        Assert.Equal((PeeringStatus.Active, NewPeeringId, Alpha, Beta), (notice.Status, notice.PeeringConnectionId, notice.InitiatorAccount, notice.ReceiverAccount));
        Assert.Equal(outcome.Message, notice.Message);
    }

    [Fact]
    public async Task A_preflight_refusal_is_announced_without_a_pcx()
    {
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta() with { Receiver = Demo.AlphaToBeta().Receiver with { VpcId = "vpc-missing1" } });

        Assert.Equal(PeeringStatus.PreflightFailed, outcome.Status);
        var notice = Assert.Single(context.InputsOf<PeeringOutcomeNotice>(nameof(NotifyOutcomeActivity)));
        Assert.Equal(PeeringStatus.PreflightFailed, notice.Status);
        Assert.Null(notice.PeeringConnectionId);
    }
}
