using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Peerings.Tests.Bandwidth;

/// <summary>What PeeringOperations refuses before any Tencent call, and what it starts when nothing rules a change out.</summary>
public sealed class BandwidthChangeStartTests
{
    private static readonly PeeringRequest CrossRegion = PeeringInstances.AlphaToBeta();

    private static readonly PeeringRequest IntraRegion = new(
        "same-region",
        new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha"),
        new PeeringSide("ap-guangzhou", "vpc-betagz01", Account: "beta"));

    private readonly DurableFake durable = new();
    private readonly PeeringOperations operations = new(new PeeringFunctions.Registry.InMemoryPeeringRegistry(), NullLogger<PeeringOperations>.Instance);

    private Task<BandwidthChangeResult> ChangeAsync(OrchestrationMetadata peering, long mbps)
    {
        durable.Add(peering);
        return operations.ChangeBandwidthAsync(durable.Client, peering, mbps, CancellationToken.None);
    }

    [Fact]
    public async Task An_active_cross_region_peering_starts_one_change_with_the_initiators_account_and_the_peering_connection()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);

        var result = await ChangeAsync(peering, 300);

        Assert.Null(result.Refusal);
        Assert.Equal("bandwidth-" + peering.InstanceId, result.ChangeId);
        var started = Assert.Single(durable.Started);
        Assert.Equal(nameof(BandwidthChangeOrchestrator), started.Orchestrator);
        Assert.Equal(result.ChangeId, started.InstanceId);
        Assert.Equal(new BandwidthChangeRequest(PeeringInstances.Pcx, "alpha", "ap-guangzhou", 300), started.Input);
    }

    [Fact]
    public async Task An_intra_region_peering_is_refused_because_it_has_no_cap_and_nothing_starts()
    {
        var result = await ChangeAsync(BandwidthChangeInstances.ActivePeering(IntraRegion, verifiedMbps: 0), 300);

        Assert.Equal(BandwidthChangeRefusal.IntraRegion, result.Refusal);
        Assert.Null(result.ChangeId);
        Assert.Contains("intra-region", result.Message, StringComparison.Ordinal);
        Assert.Empty(durable.Started);
    }

    [Fact]
    public async Task A_peering_that_is_still_waiting_for_acceptance_is_refused_as_not_active()
    {
        var result = await ChangeAsync(PeeringInstances.Waiting(CrossRegion), 300);

        Assert.Equal(BandwidthChangeRefusal.NotActive, result.Refusal);
        Assert.Contains(PeeringSteps.WaitingForAcceptance, result.Message, StringComparison.Ordinal);
        Assert.Empty(durable.Started);
    }

    [Fact]
    public async Task A_peering_being_torn_down_is_refused_as_not_active()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Add(PeeringInstances.Teardown(peering.InstanceId, CrossRegion, PeeringInstances.Pcx));

        var result = await ChangeAsync(peering, 300);

        Assert.Equal(BandwidthChangeRefusal.NotActive, result.Refusal);
        Assert.Contains(LifecycleStates.TearingDown, result.Message, StringComparison.Ordinal);
        Assert.Empty(durable.Started);
    }

    [Fact]
    public async Task A_second_change_while_one_runs_is_refused_naming_the_running_one()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Add(BandwidthChangeInstances.Running(peering.InstanceId, requestedMbps: 200));

        var result = await ChangeAsync(peering, 300);

        Assert.Equal(BandwidthChangeRefusal.ChangeRunning, result.Refusal);
        Assert.Contains("200 Mbps", result.Message, StringComparison.Ordinal);
        Assert.Empty(durable.Started);
    }

    [Fact]
    public async Task A_change_that_has_ended_does_not_stop_the_next_one()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Add(BandwidthChangeInstances.Ended(peering.InstanceId, 200, BandwidthChangeStatus.Changed, readMbps: 200));

        var result = await ChangeAsync(peering, 300);

        Assert.Null(result.Refusal);
        Assert.Single(durable.Started);
    }

    [Fact]
    public async Task A_start_that_loses_a_race_to_another_is_refused_as_a_change_already_running()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException("exists"));

        var result = await ChangeAsync(peering, 300);

        Assert.Equal(BandwidthChangeRefusal.ChangeRunning, result.Refusal);
        Assert.Null(result.ChangeId);
    }
}
