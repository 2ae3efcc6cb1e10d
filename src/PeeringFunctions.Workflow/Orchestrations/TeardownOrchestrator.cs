using Microsoft.DurableTask;
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
        var removed = new List<string>();
        var problems = new List<string>();
        context.SetCustomStatus(new { Step = "RemovingRoutes", PeeringConnectionId = pcx });

        // Both sides at once: routes first, then each subnet back to the table it was on before.
        var sides = new[] { request.Initiator, request.Receiver }.OfType<SideOutcome>().Where(s => s.Account is not null);
        await Task.WhenAll(sides.Select(side => UndoSideAsync(context, side, pcx, removed, problems)));

        context.SetCustomStatus(new { Step = "DeletingPeering", PeeringConnectionId = pcx });
        await Attempt(
            () => context.CallActivityAsync<bool>(nameof(DeletePeeringActivity),
                new PeeringTarget(request.Initiator.Account!, request.Initiator.Region, pcx), TencentRetry.Options),
            $"deleted peering {pcx}", removed, problems);

        context.SetCustomStatus(new { Step = "Completed", PeeringConnectionId = pcx });
        return new TeardownOutcome(problems.Count == 0 ? TeardownStatus.Removed : TeardownStatus.Failed, pcx, removed, problems);
    }

    private static async Task UndoSideAsync(
        TaskOrchestrationContext context, SideOutcome side, string pcx, List<string> removed, List<string> problems)
    {
        if (side.RouteTableId is not null)
        {
            await Attempt(
                () => context.CallActivityAsync<int>(nameof(DeleteRoutesActivity),
                    new DeleteRoutesInput(side.Account!, side.Region, side.RouteTableId, pcx, []), TencentRetry.Options),
                $"removed the routes to {pcx} from {side.RouteTableId} ({side.Account})", removed, problems);
        }

        await Task.WhenAll(side.AssociationChanges.Select(change => Attempt(
            () => context.CallActivityAsync<string>(nameof(AssociateSubnetActivity),
                new AssociateSubnetInput(side.Account!, side.Region, change.SubnetId, change.PreviousRouteTableId), TencentRetry.Options),
            $"moved subnet {change.SubnetId} back to {change.PreviousRouteTableId} ({side.Account})", removed, problems)));
    }

    private static async Task Attempt(Func<Task> step, string description, List<string> removed, List<string> problems)
    {
        try
        {
            await step();
            removed.Add(description);
        }
        catch (TaskFailedException error)
        {
            problems.Add($"could not complete ({description}): {error.FailureDetails.ErrorMessage}");
        }
    }
}
