namespace PeeringFunctions.Registry;

/// <summary>
/// A managed peering as the registry keeps it: enough to show it, watch it and tear it down without its orchestration's
/// history. Identifiers only, never credentials.
/// </summary>
/// <param name="Id">The peering's id (its orchestration instance id, e.g. peering-vpc-a-vpc-b).</param>
/// <param name="State">One of <see cref="RegistryStates"/>.</param>
/// <param name="UpdatedAt">When the workflow step that wrote this record ran (its orchestration time, so a replayed write writes the same).</param>
/// <param name="Message">How the last step ended, in words.</param>
public sealed record RegisteredPeering(
    string Id,
    string Name,
    string State,
    string? PeeringConnectionId,
    RegisteredSide Initiator,
    RegisteredSide Receiver,
    DateTimeOffset UpdatedAt,
    string? Message = null);

/// <summary>
/// One side: where it is and what we changed there (routes we created, subnets we moved and where from). An external
/// receiver has a <see cref="Uin"/> instead of an <see cref="Account"/>, and nothing of ours on its side.
/// </summary>
public sealed record RegisteredSide(
    string? Account,
    string? Uin,
    string Region,
    string VpcId,
    string? RouteTableId,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> CreatedRouteItemIds,
    IReadOnlyList<RegisteredAssociation> AssociationChanges);

/// <summary>A subnet we moved onto <see cref="RouteTableId"/>; <see cref="PreviousRouteTableId"/> is where it goes back.</summary>
public sealed record RegisteredAssociation(string SubnetId, string PreviousRouteTableId, string RouteTableId);

/// <summary>A registered peering's lifecycle. Strings, so the stored records read plainly.</summary>
public static class RegistryStates
{
    public const string Requested = "Requested";
    public const string Active = "Active";
    public const string Failed = "Failed";
    public const string Rejected = "Rejected";
    public const string Expired = "Expired";
    public const string PreflightFailed = "PreflightFailed";
    public const string PeerDeleted = "PeerDeleted";
    public const string TearingDown = "TearingDown";
    public const string TornDown = "TornDown";
    public const string TeardownFailed = "TeardownFailed";
}
