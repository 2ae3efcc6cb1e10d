using Microsoft.DurableTask;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// Removes what a completed peering created — on both sides the routes through it and the subnet moves — then
/// deletes the peering. Every step is idempotent ("not found" is success), so a teardown can simply be run again.
/// </summary>
public sealed class TeardownOrchestrator : TaskOrchestrator<TeardownRequest, TeardownOutcome>
{
    public override async Task<TeardownOutcome> RunAsync(TaskOrchestrationContext context, TeardownRequest request)
    {
        var pcx = request.PeeringConnectionId;
        var teardown = UndoRunner.ForTeardown(new WorkflowActivities(context));
        context.SetCustomStatus(new TeardownProgress(TeardownSteps.RemovingRoutes, pcx));

        // Both sides at once: routes first, then each subnet back to the table it was on before.
        var sides = new[] { request.Initiator, request.Receiver }.OfType<SideOutcome>().Where(s => s.Account is not null);
        await Task.WhenAll(sides.Select(side => UndoSideAsync(teardown, side, pcx)));

        // With the initiator's credentials only: the fallback to the receiver's is compensation's alone.
        context.SetCustomStatus(new TeardownProgress(TeardownSteps.DeletingPeering, pcx));
        await teardown.UndoAsync(UndoEntry.DeletePeering.ById(request.Initiator.Account!, request.Initiator.Region, pcx));

        var outcome = new TeardownOutcome(teardown.Problems.Count == 0 ? TeardownStatus.Removed : TeardownStatus.Failed, pcx, teardown.Done, teardown.Problems);
        if (request.PeeringId is { } peeringId && context.CompareVersionTo(PeeringOrchestrator.RegistryVersion) >= 0)
        {
            // The registry keeps how the peering's life ended, whatever happens to this history.
            await new WorkflowActivities(context).RecordTeardownAsync(new TeardownRecord(
                peeringId,
                outcome.Status == TeardownStatus.Removed ? RegistryStates.TornDown : RegistryStates.TeardownFailed,
                outcome.Status == TeardownStatus.Removed ? $"Torn down: {string.Join("; ", outcome.Removed)}." : $"Teardown failed: {string.Join(" ", outcome.Problems)}",
                new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
        }

        context.SetCustomStatus(new TeardownProgress(TeardownSteps.Completed, pcx));
        return outcome;
    }

    private static async Task UndoSideAsync(UndoRunner teardown, SideOutcome side, string pcx)
    {
        if (side.RouteTableId is not null)
        {
            await teardown.UndoAsync(new UndoEntry.RemoveRoutes(side.Account!, side.Region, side.RouteTableId, pcx, KeepRouteItemIds: []));
        }

        await Task.WhenAll(side.AssociationChanges.Select(change => teardown.UndoAsync(
            new UndoEntry.RestoreAssociation(side.Account!, side.Region, change.SubnetId, change.PreviousRouteTableId, change.RouteTableId))));
    }
}
