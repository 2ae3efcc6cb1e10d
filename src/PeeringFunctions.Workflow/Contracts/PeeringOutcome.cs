namespace PeeringFunctions.Workflow.Contracts;

/// <summary>The orchestration's output: how the peering ended and, on failure, what was undone.</summary>
/// <param name="BandwidthMbps">The bandwidth cap Tencent reported when verification read the peering (Active only).</param>
public sealed record PeeringOutcome(
    string Status,
    string? PeeringConnectionId,
    string Message,
    IReadOnlyList<string> Problems,
    SideOutcome Initiator,
    SideOutcome? Receiver,
    IReadOnlyList<string> Undone,
    string? FailedStep = null,
    string? ErrorCode = null,
    long? BandwidthMbps = null);

/// <summary>What one side got, recorded so a teardown can remove exactly that and restore what was there before.</summary>
public sealed record SideOutcome(
    string? Account,
    string Region,
    string VpcId,
    string? RouteTableId,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> CreatedRouteItemIds,
    IReadOnlyList<AssociationChange> AssociationChanges);

/// <summary>A subnet moved to our route table; <see cref="PreviousRouteTableId"/> is where teardown puts it back.</summary>
public sealed record AssociationChange(string SubnetId, string PreviousRouteTableId, string RouteTableId);

/// <summary>Terminal outcomes. Strings rather than an enum so the persisted JSON reads plainly.</summary>
public static class PeeringStatus
{
    public const string Active = "Active";
    public const string Rejected = "Rejected";
    public const string Expired = "Expired";
    public const string PreflightFailed = "PreflightFailed";
    public const string Failed = "Failed";
    public const string PeerDeleted = "PeerDeleted";
}

/// <summary>
/// An Active peering's later life: what the status view shows once a teardown of it has started. Not outcomes of the
/// peering orchestration (that ended Active), so not in <see cref="PeeringStatus"/>.
/// </summary>
public static class LifecycleStates
{
    public const string TearingDown = "TearingDown";
    public const string TornDown = "TornDown";
    public const string TeardownFailed = "TeardownFailed";
}
