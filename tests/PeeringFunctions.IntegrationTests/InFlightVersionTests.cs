using DurableTask.Core.History;
using Microsoft.DurableTask;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// An instance started by the previous version and in flight when the new one is deployed finishes on its own path:
/// Durable stamps the version at the start and the code branches on it, so its history replays unchanged.
/// </summary>
public sealed class InFlightVersionTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task A_version_5_instance_waiting_for_acceptance_completes_on_its_own_path_under_the_version_6_code()
    {
        Assert.Equal("6.0", PeeringOrchestrator.CurrentVersion);
        var request = new PeeringRequest(
            "started under 5.0",
            new PeeringSide(Guangzhou, AlphaVpc, Alpha, RouteTableId: AlphaPeeringTable, SubnetIds: [AlphaWebSubnet]),
            new PeeringSide(Shanghai, BetaVpc, Beta, RouteTableId: BetaPeeringTable, SubnetIds: [BetaAppSubnet]),
            CrossRegion: new CrossRegionOptions(10));
        var id = PeeringInstanceIds.For(request);
        var history = Fixture.Host.Engine.NextCompletedHistoryAsync(instance => instance == id);
        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(PeeringOrchestrator), request, new StartOrchestrationOptions(id) { Version = PeeringOrchestrator.StepRecordsVersion });
        await Api.WaitForStepAsync(id, PeeringSteps.WaitingForAcceptance);

        await Api.DecideAcceptedAsync(id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(id);

        Assert.Equal(PeeringStatus.Active, done.State);
        var events = await history.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("5.0", events.OfType<ExecutionStartedEvent>().Single().Version);
        var scheduled = events.OfType<TaskScheduledEvent>().Select(e => e.Name).ToList();
        // The 5.0 path: the UIN and the quotas an activity each, and the outcome notice after the final record.
        Assert.Contains(nameof(ResolveUinActivity), scheduled);
        Assert.Contains(nameof(ResolveLimitsActivity), scheduled);
        Assert.DoesNotContain(nameof(ResolvePreflightSettingsActivity), scheduled);
        Assert.Equal([nameof(RecordPeeringActivity), nameof(NotifyOutcomeActivity)], scheduled.TakeLast(2));
    }

    [Fact]
    public async Task A_version_6_instance_without_outcome_channels_reads_its_settings_once_and_schedules_no_outcome_notice()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var history = Fixture.Host.Engine.NextCompletedHistoryAsync(instance => instance == started.Id);
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal(PeeringStatus.Active, done.State);
        var events = await history.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("6.0", events.OfType<ExecutionStartedEvent>().Single().Version);
        var scheduled = events.OfType<TaskScheduledEvent>().Select(e => e.Name).ToList();
        Assert.Single(scheduled, name => name == nameof(ResolvePreflightSettingsActivity));
        Assert.DoesNotContain(nameof(ResolveUinActivity), scheduled);
        Assert.DoesNotContain(nameof(NotifyOutcomeActivity), scheduled);
        Assert.Equal(nameof(RecordPeeringActivity), scheduled[^1]);
    }
}
