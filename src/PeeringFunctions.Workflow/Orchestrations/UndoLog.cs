using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// What this run has changed (or tried to change) on Tencent, in order, so compensation can undo it in reverse.
/// An entry is written before the call, not after: a call whose reply was lost may still have done its work.
/// </summary>
public sealed class UndoLog
{
    private readonly List<UndoEntry> entries = [];

    public IReadOnlyList<UndoEntry> Entries => entries;

    /// <summary>Before the create call: if its reply is lost, compensation still finds the request by its VPC pair.</summary>
    /// <param name="receiver">The managed receiver's account and region: either side may delete a peering, so
    /// compensation falls back to the receiver's credentials when the initiator's are refused.</param>
    public void PeeringRequested(string account, string region, string sourceVpcId, string destinationVpcId, (string Account, string Region)? receiver) =>
        entries.Add(new UndoEntry.DeletePeering(account, region, null, sourceVpcId, destinationVpcId, receiver?.Account, receiver?.Region));

    /// <summary>The create returned: the request is now known by its id.</summary>
    public void PeeringCreated(string peeringConnectionId)
    {
        var index = entries.FindLastIndex(e => e is UndoEntry.DeletePeering { PeeringConnectionId: null });
        entries[index] = ((UndoEntry.DeletePeering)entries[index]) with { PeeringConnectionId = peeringConnectionId };
    }

    public void RoutesRequested(SidePlan side, string peeringConnectionId) =>
        entries.Add(new UndoEntry.RemoveRoutes(side.Account, side.Region, side.RouteTableId, peeringConnectionId, side.PreexistingRouteItemIds));

    public void SubnetMoveRequested(SidePlan side, AssociationChange move) =>
        entries.Add(new UndoEntry.RestoreAssociation(side.Account, side.Region, move.SubnetId, move.PreviousRouteTableId, move.RouteTableId));
}
