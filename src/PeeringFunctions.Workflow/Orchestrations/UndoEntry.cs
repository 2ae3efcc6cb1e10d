using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// One change to take back, and the activity input that takes it back. Its ToString is the one wording of the undone
/// change, in compensation's and teardown's reports alike.
/// </summary>
public abstract record UndoEntry
{
    /// <summary>The change itself, as reported when the request asks to keep partial work.</summary>
    public abstract string Change { get; }

    public sealed record DeletePeering(
        string Account,
        string Region,
        string? PeeringConnectionId,
        string SourceVpcId,
        string DestinationVpcId,
        string? ReceiverAccount,
        string? ReceiverRegion) : UndoEntry
    {
        private string Name => PeeringConnectionId ?? $"request {SourceVpcId} → {DestinationVpcId}";

        /// <summary>A peering known by its id (teardown's): no VPC pair to find it by, no receiver to fall back to.</summary>
        public static DeletePeering ById(string account, string region, string peeringConnectionId) =>
            new(account, region, peeringConnectionId, "", "", null, null);

        /// <summary>By its id, or by its VPC pair when the id never came back.</summary>
        public PeeringTarget Target => PeeringConnectionId is { } id
            ? new PeeringTarget(Account, Region, id)
            : new PeeringTarget(Account, Region, "", SourceVpcId, DestinationVpcId);

        public override string Change => $"peering {Name} ({Account})";

        public override string ToString() => $"deleted peering {Name}";
    }

    public sealed record RemoveRoutes(
        string Account, string Region, string RouteTableId, string PeeringConnectionId, IReadOnlyList<string> KeepRouteItemIds) : UndoEntry
    {
        public DeleteRoutesInput Input => new(Account, Region, RouteTableId, PeeringConnectionId, KeepRouteItemIds);

        public override string Change => $"routes to {PeeringConnectionId} in {RouteTableId} ({Account})";

        public override string ToString() => $"removed the routes to {PeeringConnectionId} from {RouteTableId} ({Account})";
    }

    public sealed record RestoreAssociation(string Account, string Region, string SubnetId, string PreviousRouteTableId, string RouteTableId) : UndoEntry
    {
        public AssociateSubnetInput Input => new(Account, Region, SubnetId, PreviousRouteTableId);

        public override string Change => $"subnet {SubnetId} on {RouteTableId}, previously {PreviousRouteTableId} ({Account})";

        public override string ToString() => $"moved subnet {SubnetId} back to {PreviousRouteTableId} ({Account})";
    }
}
