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

    public void PeeringCreated(string account, string region, string peeringConnectionId) =>
        entries.Add(new UndoEntry.DeletePeering(account, region, peeringConnectionId));

    public void RoutesRequested(SidePlan side, string peeringConnectionId) =>
        entries.Add(new UndoEntry.RemoveRoutes(side.Account, side.Region, side.RouteTableId, peeringConnectionId, side.PreexistingRouteItemIds));

    public void SubnetMoveRequested(SidePlan side, AssociationChange move) =>
        entries.Add(new UndoEntry.RestoreAssociation(side.Account, side.Region, move.SubnetId, move.PreviousRouteTableId, move.RouteTableId));
}

public abstract record UndoEntry
{
    /// <summary>The change itself, as reported when the request asks to keep partial work.</summary>
    public abstract string Change { get; }

    public sealed record DeletePeering(string Account, string Region, string PeeringConnectionId) : UndoEntry
    {
        public override string Change => $"peering {PeeringConnectionId} ({Account})";

        public override string ToString() => $"deleted peering {PeeringConnectionId}";
    }

    public sealed record RemoveRoutes(
        string Account, string Region, string RouteTableId, string PeeringConnectionId, IReadOnlyList<string> KeepRouteItemIds) : UndoEntry
    {
        public override string Change => $"routes to {PeeringConnectionId} in {RouteTableId} ({Account})";

        public override string ToString() => $"removed the routes to {PeeringConnectionId} from {RouteTableId} ({Account})";
    }

    public sealed record RestoreAssociation(string Account, string Region, string SubnetId, string PreviousRouteTableId, string RouteTableId) : UndoEntry
    {
        public override string Change => $"subnet {SubnetId} on {RouteTableId}, previously {PreviousRouteTableId} ({Account})";

        public override string ToString() => $"moved subnet {SubnetId} back to {PreviousRouteTableId} ({Account})";
    }
}
