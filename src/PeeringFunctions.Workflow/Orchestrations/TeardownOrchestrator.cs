using Microsoft.DurableTask;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// Removes what a completed peering created — on both sides the routes through it and the subnet moves — then
/// deletes the peering. Every step is idempotent ("not found" is success), so a teardown can simply be run again.
/// From version 5.0 the registry shows it TearingDown (and who asked) from its start, and both sides hear how it ended.
/// </summary>
public sealed class TeardownOrchestrator : TaskOrchestrator<TeardownRequest, TeardownOutcome>
{
    public override async Task<TeardownOutcome> RunAsync(TaskOrchestrationContext context, TeardownRequest request)
    {
        var pcx = request.PeeringConnectionId;
        var activities = new WorkflowActivities(context);
        var recordsEachStep = request.PeeringId is not null && context.CompareVersionTo(PeeringOrchestrator.StepRecordsVersion) >= 0;
        var asked = request.RequestedBy is { } who ? $"asked by {who}" : "asked for";
        if (recordsEachStep)
        {
            await activities.RecordTeardownAsync(new TeardownRecord(request.PeeringId!, RegistryStates.TearingDown, $"Teardown {asked}.", Now(context)));
        }

        var teardown = UndoRunner.ForTeardown(activities);
        context.SetCustomStatus(new TeardownProgress(TeardownSteps.RemovingRoutes, pcx));

        // Both sides at once: routes first, then each subnet back to the table it was on before.
        var sides = new[] { request.Initiator, request.Receiver }.OfType<SideOutcome>().Where(s => s.Account is not null);
        await Task.WhenAll(sides.Select(side => UndoSideAsync(teardown, side, pcx)));

        // With the initiator's credentials only: the fallback to the receiver's is compensation's alone. An adopted
        // peering whose initiator is not ours is deleted by the receiver (either end may delete a peering).
        context.SetCustomStatus(new TeardownProgress(TeardownSteps.DeletingPeering, pcx));
        var deleter = request.Initiator.Account is null && request.Receiver is { Account: not null } receiver ? receiver : request.Initiator;
        await teardown.UndoAsync(UndoEntry.DeletePeering.ById(deleter.Account!, deleter.Region, pcx));

        var removed = teardown.Problems.Count == 0;
        var externalAction = recordsEachStep ? ExternalSideAction(request) : null;
        var outcome = new TeardownOutcome(removed ? TeardownStatus.Removed : TeardownStatus.Failed, pcx, teardown.Done, teardown.Problems, externalAction);
        if (request.PeeringId is { } peeringId && context.CompareVersionTo(PeeringOrchestrator.RegistryVersion) >= 0)
        {
            // The registry keeps how the peering's life ended, whatever happens to this history.
            var message = removed ? $"Torn down: {string.Join("; ", outcome.Removed)}." : $"Teardown failed: {string.Join(" ", outcome.Problems)}";
            if (recordsEachStep)
            {
                message = $"Teardown {asked}. {message}{(externalAction is null ? "" : " " + externalAction)}";
            }

            await activities.RecordTeardownAsync(new TeardownRecord(
                peeringId, removed ? RegistryStates.TornDown : RegistryStates.TeardownFailed, message, Now(context)));
            if (recordsEachStep)
            {
                await activities.NotifyTeardownAsync(new TeardownNotice(
                    peeringId,
                    request.Name ?? peeringId,
                    pcx,
                    request.Initiator.Account,
                    request.Receiver?.Account,
                    request.ExternalReceiver?.Uin,
                    outcome.Status,
                    request.RequestedBy,
                    message,
                    externalAction));
            }
        }

        context.SetCustomStatus(new TeardownProgress(TeardownSteps.Completed, pcx));
        return outcome;
    }

    /// <summary>
    /// An external side (the receiver, or an adopted peering's initiator) routes to our side through the peering too;
    /// we cannot remove that, so we say what it is.
    /// </summary>
    private static string? ExternalSideAction(TeardownRequest request) =>
        request.ExternalReceiver is { } receiver ? ExternalSideAction("receiver", receiver.Uin, receiver.VpcId, receiver.Region, "initiator", request.Initiator.VpcId, request)
        : request.ExternalInitiator is { } initiator ? ExternalSideAction("initiator", initiator.Uin, initiator.VpcId, initiator.Region, "receiver", request.Receiver?.VpcId, request)
        : null;

    private static string ExternalSideAction(string side, string uin, string vpcId, string region, string otherSide, string? otherVpcId, TeardownRequest request) =>
        $"The {side}'s side is an external account (uin {uin}): in VPC {vpcId} ({region}) it should delete its routes " +
        $"whose next hop is {request.PeeringConnectionId}, the routes to the {otherSide}'s VPC {otherVpcId}; we cannot remove them.";

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

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
