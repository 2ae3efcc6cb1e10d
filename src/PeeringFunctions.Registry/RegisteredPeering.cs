using System.Text.Json.Serialization;

namespace PeeringFunctions.Registry;

/// <summary>
/// A managed peering as the registry keeps it: enough to show it, watch it and tear it down without its orchestration's
/// history. Identifiers only, never credentials.
/// </summary>
/// <param name="Id">The peering's id (its orchestration instance id, e.g. peering-vpc-a-vpc-b; an adopted peering gets the same shape).</param>
/// <param name="State">One of <see cref="RegistryStates"/>.</param>
/// <param name="UpdatedAt">When the workflow step that wrote this record ran (its orchestration time, so a replayed write writes the same).</param>
/// <param name="Message">How the last step ended, in words.</param>
/// <param name="RepairPolicy">What the watcher does about drift: one of <see cref="RepairPolicies"/>.</param>
/// <param name="Origin">How we came to manage it: one of <see cref="PeeringOrigins"/>.</param>
/// <param name="RequestedBy">Who asked for it (a portal key's name, a chat user), when the channel says.</param>
/// <param name="ApprovedBy">Who consented on the receiver's side and through which channel, when known.</param>
/// <param name="Health">What the watcher last found; null until its first check.</param>
/// <param name="RequestedAt">
/// When the registry first held the peering as Requested (the workflow's time once the request existed on Tencent),
/// kept by every later workflow write: the start of its time to Active. The registry write sets it, never the
/// orchestration, so it is left out of JSON when null and the orchestration's activity inputs keep their shape.
/// Null for records written before it existed, adopted peerings and runs that record only their end.
/// </param>
public sealed record RegisteredPeering(
    string Id,
    string Name,
    string State,
    string? PeeringConnectionId,
    RegisteredSide Initiator,
    RegisteredSide Receiver,
    DateTimeOffset UpdatedAt,
    string? Message = null,
    string RepairPolicy = RepairPolicies.Repair,
    string Origin = PeeringOrigins.Requested,
    string? RequestedBy = null,
    string? ApprovedBy = null,
    PeeringHealth? Health = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RequestedAt = null)
{
    /// <summary>The states the watcher checks: the peering is in place (or was, until drift was found). Not stored.</summary>
    [JsonIgnore]
    public bool IsWatched => State is RegistryStates.Active or RegistryStates.Drifted or RegistryStates.Repairing;
}

/// <summary>
/// One side: where it is and what we changed there (routes we created, subnets we moved and where from). An external
/// receiver has a <see cref="Uin"/> instead of an <see cref="Account"/>, and nothing of ours on its side.
/// </summary>
/// <param name="Destinations">The CIDRs this side's table routes through the peering: the desired routes.</param>
/// <param name="KeptSubnetIds">
/// Subnets that were on <see cref="RouteTableId"/> when an existing peering was adopted: they should stay there (the
/// watcher may check them as it checks <see cref="AssociationChanges"/>), but we did not move them, so a teardown
/// leaves them where they are. Empty (null in records written before it existed) for a peering we requested.
/// </param>
public sealed record RegisteredSide(
    string? Account,
    string? Uin,
    string Region,
    string VpcId,
    string? RouteTableId,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> CreatedRouteItemIds,
    IReadOnlyList<RegisteredAssociation> AssociationChanges,
    IReadOnlyList<string>? KeptSubnetIds = null)
{
    /// <summary>A side in one of our accounts: we read, repair and tear down what is ours on it. Not stored.</summary>
    [JsonIgnore]
    public bool IsManaged => Account is not null;
}

/// <summary>A subnet we moved onto <see cref="RouteTableId"/>; <see cref="PreviousRouteTableId"/> is where it goes back.</summary>
public sealed record RegisteredAssociation(string SubnetId, string PreviousRouteTableId, string RouteTableId);

/// <summary>A registered peering's lifecycle. Strings, so the stored records read plainly.</summary>
public static class RegistryStates
{
    public const string Requested = "Requested";
    public const string Active = "Active";
    public const string Drifted = "Drifted";
    public const string Repairing = "Repairing";
    public const string Failed = "Failed";
    public const string Rejected = "Rejected";
    public const string Expired = "Expired";
    public const string PreflightFailed = "PreflightFailed";
    public const string PeerDeleted = "PeerDeleted";
    public const string TearingDown = "TearingDown";
    public const string TornDown = "TornDown";
    public const string TeardownFailed = "TeardownFailed";
}

/// <summary>What the watcher does about drift it finds on a peering.</summary>
public static class RepairPolicies
{
    /// <summary>Put back what is missing (routes, their Enabled flag, subnet associations) and report it.</summary>
    public const string Repair = "repair";

    /// <summary>Report only; a person repairs.</summary>
    public const string Notify = "notify";

    public static readonly IReadOnlyList<string> All = [Repair, Notify];

    public static bool IsKnown(string? policy) => policy is Repair or Notify;
}

/// <summary>How a peering came to be managed.</summary>
public static class PeeringOrigins
{
    /// <summary>Requested through us: we created it.</summary>
    public const string Requested = "requested";

    /// <summary>Made elsewhere (console, Terraform) and adopted: we recorded what was there and created nothing.</summary>
    public const string Adopted = "adopted";
}
