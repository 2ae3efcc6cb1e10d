using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings.Tests.Support;
using PeeringFunctions.Workflow.Contracts;
using Xunit.Abstractions;
using static PeeringFunctions.Peerings.Tests.Support.PollerWorld;

namespace PeeringFunctions.Peerings.Tests.Acceptance;

/// <summary>
/// Which instances the poller looks at: Running "peering-" instances waiting for acceptance on a known pcx. Every
/// other instance here names a peering Tencent already shows ACTIVE, so one wrongly picked up would get an event.
/// </summary>
public sealed class PollerInstanceSelectionTests(ITestOutputHelper output)
{
    private static readonly GroupSpec Group = new(Alpha, Guangzhou, 10);

    [Fact]
    public async Task Only_running_peering_instances_waiting_for_acceptance_on_a_peering_id_are_polled_and_raised()
    {
        await using var world = await StartAsync(Group);
        var (waiting, decoys) = await ArrangeDecoysAsync(world);

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        Assert.Equal(1, report.Waiting);
        Assert.Equal(1, report.Groups);
        Assert.Equal([$"{waiting.InstanceId}:ACTIVE"], report.Raised);
        var (instanceId, decision) = Assert.Single(world.Durable.Decisions());
        Assert.Equal(waiting.InstanceId, instanceId);
        Assert.Equal("ACTIVE", decision.ObservedTencentState);
        Assert.DoesNotContain(world.Durable.Raised, e => decoys.Contains(e.InstanceId));
        Assert.Equal(1, world.DescribeCalls());

        // It asked the backend for exactly that: "peering-" ids, Running only, with inputs and custom status.
        var query = Assert.Single(world.Durable.Queries);
        Assert.NotNull(query);
        Assert.Equal("peering-", query.InstanceIdPrefix);
        Assert.Equal([OrchestrationRuntimeStatus.Running], query.Statuses);
        Assert.True(query.FetchInputsAndOutputs);
    }

    [Fact]
    public async Task Instances_at_another_step_or_without_a_peering_id_are_ignored_even_by_a_backend_that_ignores_the_query_filters()
    {
        await using var world = await StartAsync(Group);
        world.Durable.HonourQueryFilters = false;
        var (waiting, decoys) = await ArrangeDecoysAsync(world, onlyThoseTheStepRulesOut: true);

        var report = await world.TickAsync(output);

        Assert.Equal(1, report.Waiting);
        Assert.Equal([$"{waiting.InstanceId}:ACTIVE"], report.Raised);
        Assert.Equal(waiting.InstanceId, Assert.Single(world.Durable.Decisions()).InstanceId);
        Assert.DoesNotContain(world.Durable.Raised, e => decoys.Contains(e.InstanceId));
    }

    [Fact]
    public async Task A_peering_that_was_active_before_the_receiver_was_asked_is_not_taken_as_accepted_by_the_poller()
    {
        await using var world = await StartAsync(Group);
        var peerings = await world.RequestAsync(Group);
        await world.AcceptAsReceiverAsync(peerings[0]);
        world.Durable.Add(PeeringInstances.Peering(peerings[0].InstanceId, peerings[0].Request, peerings[0].PeeringConnectionId, activeBeforeConsent: true));

        var report = await world.TickAsync(output);

        // The other nine are still PENDING on Tencent: polled, nothing to raise. The ACTIVE one is not polled at all.
        Assert.Equal(9, report.Waiting);
        Assert.Empty(report.Raised);
        Assert.Empty(world.Durable.Raised);
    }

    [Fact]
    public async Task Tick_with_no_instance_waiting_makes_no_tencent_call()
    {
        await using var world = await StartAsync(Group);
        var requested = await world.RequestAsync(Group);
        foreach (var peering in requested)
        {
            world.Durable.Add(PeeringInstances.Peering(peering.InstanceId, peering.Request, peering.PeeringConnectionId, PeeringSteps.Completed, OrchestrationRuntimeStatus.Completed));
        }

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        Assert.Equal(0, report.Waiting);
        Assert.Equal(0, report.Groups);
        Assert.Equal(0, report.TencentCalls);
        Assert.Empty(report.Raised);
        Assert.Empty(report.GroupErrors);
        Assert.Equal(0, world.Emulator.Calls().Totals.Total);
    }

    /// <summary>
    /// One instance genuinely waiting, and instances the poller must leave alone, all naming ACTIVE peerings of the group.
    /// </summary>
    private static async Task<(RequestedPeering Waiting, HashSet<string> Decoys)> ArrangeDecoysAsync(PollerWorld world, bool onlyThoseTheStepRulesOut = false)
    {
        var peerings = await world.RequestAsync(Group);
        foreach (var peering in peerings)
        {
            await world.AcceptAsReceiverAsync(peering);
        }

        var waiting = peerings[0];
        var decoys = new List<OrchestrationMetadata>
        {
            // Past the wait: the decision arrived and the workflow is configuring routes.
            PeeringInstances.Peering(peerings[1].InstanceId, peerings[1].Request, peerings[1].PeeringConnectionId, PeeringSteps.Configuring),
            PeeringInstances.Peering(peerings[2].InstanceId, peerings[2].Request, peerings[2].PeeringConnectionId, PeeringSteps.Accepting),
            // Not yet waiting: still requesting, or so new it has no custom status.
            PeeringInstances.Peering(peerings[3].InstanceId, peerings[3].Request, null, PeeringSteps.Requesting),
            PeeringInstances.Peering(peerings[4].InstanceId, peerings[4].Request, peerings[4].PeeringConnectionId, step: null),
            // Waiting, but without a pcx to ask about.
            PeeringInstances.Peering(peerings[5].InstanceId, peerings[5].Request, null),
            // Finished.
            PeeringInstances.Peering(peerings[6].InstanceId, peerings[6].Request, peerings[6].PeeringConnectionId, PeeringSteps.Completed, OrchestrationRuntimeStatus.Completed),
            // Finished peerings being torn down: the teardown's id starts with "peering-" too.
            PeeringInstances.Peering(peerings[7].InstanceId, peerings[7].Request, peerings[7].PeeringConnectionId, PeeringSteps.Completed, OrchestrationRuntimeStatus.Completed),
            PeeringInstances.Teardown(peerings[7].InstanceId, peerings[7].Request, peerings[7].PeeringConnectionId, "RemovingRoutes"),
            PeeringInstances.Peering(peerings[8].InstanceId, peerings[8].Request, peerings[8].PeeringConnectionId, PeeringSteps.Completed, OrchestrationRuntimeStatus.Completed),
            PeeringInstances.Teardown(peerings[8].InstanceId, peerings[8].Request, peerings[8].PeeringConnectionId, "DeletingPeering"),
        };
        if (!onlyThoseTheStepRulesOut)
        {
            // Still showing the waiting step, but no longer (or not yet) Running, or not a peering instance at all:
            // only the query's status and prefix filters rule these out.
            decoys.Add(PeeringInstances.Peering(peerings[9].InstanceId, peerings[9].Request, peerings[9].PeeringConnectionId, status: OrchestrationRuntimeStatus.Terminated));
            decoys.Add(PeeringInstances.Peering("chat-" + peerings[9].InstanceId, peerings[9].Request, peerings[9].PeeringConnectionId));
            decoys.Add(PeeringInstances.Peering(peerings[9].InstanceId + "-suspended", peerings[9].Request, peerings[9].PeeringConnectionId, status: OrchestrationRuntimeStatus.Suspended));
        }
        else
        {
            decoys.Add(PeeringInstances.Peering(peerings[9].InstanceId, peerings[9].Request, peerings[9].PeeringConnectionId, PeeringSteps.Verifying));
        }

        foreach (var decoy in decoys)
        {
            world.Durable.Add(decoy);
        }

        return (waiting, [.. decoys.Select(d => d.InstanceId)]);
    }
}
