using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
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

    [Fact]
    public async Task Without_a_channel_for_either_side_no_outcome_notice_is_scheduled_and_the_record_comes_last()
    {
        cloud.OutcomeDelivered = false;
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.DoesNotContain(nameof(NotifyOutcomeActivity), context.Names);
        Assert.Equal(nameof(RecordPeeringActivity), context.Names[^1]);
    }

    [Fact]
    public void The_final_record_and_the_outcome_notice_are_scheduled_in_the_same_episode()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());
        context.RunInEpisodes(c => new PeeringOrchestrator().RunAsync(c, Demo.AlphaToBeta()));

        var (record, notice) = (context.Calls[^2], context.Calls[^1]);
        Assert.Equal((nameof(RecordPeeringActivity), nameof(NotifyOutcomeActivity)), (record.Name, notice.Name));
        Assert.Equal(record.Episode, notice.Episode);
    }

    [Fact]
    public void A_run_of_version_5_announces_after_the_record_even_without_a_channel()
    {
        cloud.OutcomeDelivered = false;
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());
        context.Version = "5.0";
        context.RunInEpisodes(c => new PeeringOrchestrator().RunAsync(c, Demo.AlphaToBeta()));

        var (record, notice) = (context.Calls[^2], context.Calls[^1]);
        Assert.Equal((nameof(RecordPeeringActivity), nameof(NotifyOutcomeActivity)), (record.Name, notice.Name));
        Assert.True(notice.Episode > record.Episode);
        Assert.DoesNotContain(nameof(ResolvePreflightSettingsActivity), context.Names);
    }
}
