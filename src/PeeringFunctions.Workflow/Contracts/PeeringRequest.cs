using PeeringFunctions.Registry;

namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// What a portal, a chat command or the API asks for: one peering between two VPCs, and the routes and subnet
/// associations that make it usable. Identifiers only — credentials are resolved inside activities from the account
/// alias, so nothing secret is ever persisted in orchestration history.
/// </summary>
/// <param name="RequestedBy">Who asked, as the adapter knows it ("portal", a key's name, "slack:U123"): never a secret.</param>
/// <param name="RepairPolicy">What the watcher does about drift once the peering is active: one of <see cref="RepairPolicies"/>.</param>
/// <param name="PreApproval">
/// The receiver's consent, given before the run starts: a topology's pair, whose receiving account consented once for
/// all its pairs. The run then neither notifies nor waits; it takes this decision as the one the wait would have
/// returned. Only a topology sets it (never an adapter), so every run started without it replays as before.
/// </param>
public sealed record PeeringRequest(
    string Name,
    PeeringSide Initiator,
    PeeringSide Receiver,
    CrossRegionOptions? CrossRegion = null,
    TimeSpan? AcceptanceTimeout = null,
    bool KeepPartialWorkOnFailure = false,
    string? RequestedBy = null,
    string RepairPolicy = RepairPolicies.Repair,
    AcceptanceDecision? PreApproval = null)
{
    /// <summary>Tencent expires an unanswered cross-account request after 7 days; we never wait longer.</summary>
    public static readonly TimeSpan MaximumAcceptanceTimeout = TimeSpan.FromDays(7);

    public TimeSpan EffectiveAcceptanceTimeout => AcceptanceTimeout ?? MaximumAcceptanceTimeout;

    public bool IsCrossRegion => !string.Equals(Initiator.Region, Receiver.Region, StringComparison.Ordinal);
}

/// <summary>
/// One end of the peering. A managed side names an account alias the app holds credentials for; an external
/// receiver is known only by its UIN and accepts on its own side (we then do only the initiator's steps).
/// </summary>
/// <param name="DestinationCidrs">
/// The peer CIDRs this side routes through the peering. Default: the peer VPC's primary CIDR
/// (required when the peer is external, because we cannot read its VPC).
/// </param>
public sealed record PeeringSide(
    string Region,
    string VpcId,
    string? Account = null,
    string? ExternalUin = null,
    string? RouteTableId = null,
    IReadOnlyList<string>? SubnetIds = null,
    IReadOnlyList<string>? DestinationCidrs = null)
{
    public bool IsManaged => Account is not null;

    public IReadOnlyList<string> Subnets => SubnetIds ?? [];

    /// <summary>How logs and messages name this side, e.g. "alpha/ap-guangzhou/vpc-alpha001".</summary>
    public string Describe() => $"{Account ?? "uin " + ExternalUin}/{Region}/{VpcId}";
}

/// <summary>Options Tencent applies to cross-region peerings (billed to the initiator).</summary>
public sealed record CrossRegionOptions(long? BandwidthMbps = null, string? ChargeType = null);
