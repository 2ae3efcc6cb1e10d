using System.Text.Json.Serialization;

namespace PeeringFunctions.Registry;

/// <summary>
/// What the watcher last found on a peering, and what was done about it. <see cref="Findings"/> are the current ones
/// (empty when healthy); <see cref="History"/> keeps the latest findings and repairs with their times, so after a repair a
/// person still sees what was wrong and what was done.
/// </summary>
/// <param name="Status">One of <see cref="HealthStatuses"/>.</param>
/// <param name="CheckedAt">When the watcher last compared the peering with Tencent.</param>
/// <param name="KnownVpcCidrs">Per VPC id of a side, the CIDRs the watcher accepts as they are: those seen at its first
/// check (a CIDR the routes left out on purpose is not "added") and those the routes cover. A CIDR outside this list and
/// the routes is one the VPC gained (CidrAdded). Null before the first check.</param>
public sealed record PeeringHealth(
    string Status,
    DateTimeOffset? CheckedAt,
    IReadOnlyList<DriftFinding> Findings,
    IReadOnlyList<HealthEvent> History,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? KnownVpcCidrs = null)
{
    /// <summary>How many history entries a record keeps (the oldest go first): the record stays small.</summary>
    public const int HistoryLimit = 20;

    public static readonly PeeringHealth Unchecked = new(HealthStatuses.Unchecked, null, [], []);

    /// <summary>This health with <paramref name="added"/> appended to its history, the oldest dropped past <see cref="HistoryLimit"/>.</summary>
    public PeeringHealth WithHistory(params IEnumerable<HealthEvent> added)
    {
        var all = History.Concat(added).ToList();
        return this with { History = all.Count <= HistoryLimit ? all : all[^HistoryLimit..] };
    }
}

public static class HealthStatuses
{
    public const string Unchecked = "Unchecked";
    public const string Healthy = "Healthy";
    public const string Drifted = "Drifted";
}

/// <summary>
/// One difference between what the registry wants and what Tencent has. <see cref="Key"/> identifies it across ticks
/// (kind, side, subject), so a finding seen again is not new and is not notified twice.
/// </summary>
/// <param name="Kind">One of <see cref="DriftKinds"/>.</param>
/// <param name="Side">"initiator" or "receiver" (or "peering" for the connection itself).</param>
/// <param name="Subject">What it is about: a destination CIDR, a subnet id, a CIDR block, the pcx id.</param>
/// <param name="Description">The finding in plain words, for a person.</param>
/// <param name="FirstSeenAt">The tick that first found it.</param>
public sealed record DriftFinding(string Kind, string Side, string Subject, string Description, DateTimeOffset FirstSeenAt)
{
    [JsonIgnore]
    public string Key => $"{Kind}|{Side}|{Subject}";
}

public static class DriftKinds
{
    public const string RouteMissing = "RouteMissing";
    public const string RouteDisabled = "RouteDisabled";
    /// <summary>The destination is routed, but to another next hop: a person changed it; reported, never overridden.</summary>
    public const string RouteRedirected = "RouteRedirected";
    public const string SubnetMoved = "SubnetMoved";
    /// <summary>Tencent shows the peering DELETED, EXPIRED, ISOLATED or not at all.</summary>
    public const string PeeringGone = "PeeringGone";
    /// <summary>A VPC gained a CIDR the routes do not cover ("extend routes" adds them).</summary>
    public const string CidrAdded = "CidrAdded";
    /// <summary>A VPC lost a CIDR a route still points at.</summary>
    public const string CidrRemoved = "CidrRemoved";
}

public static class FindingSides
{
    public const string Initiator = "initiator";
    public const string Receiver = "receiver";
    public const string Peering = "peering";
}

/// <summary>An entry in a peering's health history: a finding seen, a repair done (or failed), a finding gone.</summary>
/// <param name="Kind">One of <see cref="HealthEventKinds"/>.</param>
public sealed record HealthEvent(DateTimeOffset At, string Kind, string Description);

public static class HealthEventKinds
{
    public const string Found = "found";
    public const string Repaired = "repaired";
    public const string RepairFailed = "repair-failed";
    public const string Reported = "reported";
    public const string Cleared = "cleared";
}
