using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings;

/// <summary>
/// Instance ids derived from the VPC pair (in either direction, as Tencent allows one peering per pair), so a
/// duplicate request finds the running instance instead of starting a second peering.
/// </summary>
public static class PeeringInstanceIds
{
    public const string Prefix = "peering-";
    private const string TeardownSuffix = "-teardown";

    public static string For(PeeringRequest request) => ForPair(request.Initiator.VpcId, request.Receiver.VpcId);

    /// <summary>The id of a peering of these two VPCs, in either order (an adopted peering gets the one a request would).</summary>
    public static string ForPair(string vpcA, string vpcB)
    {
        var pair = new[] { vpcA, vpcB }.Order(StringComparer.Ordinal).ToArray();
        return $"{Prefix}{pair[0]}-{pair[1]}";
    }

    /// <summary>
    /// A bandwidth change's id: its own prefix, so the scans for "peering-" instances (the poller, the pages) never
    /// meet one, and one id per peering, so only one change runs at a time.
    /// </summary>
    public const string BandwidthChangePrefix = "bandwidth-";

    /// <summary>
    /// A repair's id: its own prefix, like a bandwidth change's (the acceptance poller scans "peering-"), and one id per
    /// peering, so two watcher ticks never repair the same peering at once.
    /// </summary>
    public const string RepairPrefix = "repair-";

    public static string TeardownOf(string peeringInstanceId) => peeringInstanceId + TeardownSuffix;

    public static string RepairOf(string peeringInstanceId) => RepairPrefix + peeringInstanceId;

    /// <summary>The peering a repair id belongs to, or null when <paramref name="id"/> is not one.</summary>
    public static string? PeeringOfRepair(string id) =>
        id.StartsWith(RepairPrefix, StringComparison.Ordinal) && IsPeeringId(id[RepairPrefix.Length..]) ? id[RepairPrefix.Length..] : null;

    public static string BandwidthChangeOf(string peeringInstanceId) => BandwidthChangePrefix + peeringInstanceId;

    /// <summary>The peering a bandwidth change id belongs to, or null when <paramref name="id"/> is not one.</summary>
    public static string? PeeringOfBandwidthChange(string id) =>
        id.StartsWith(BandwidthChangePrefix, StringComparison.Ordinal) && IsPeeringId(id[BandwidthChangePrefix.Length..]) ? id[BandwidthChangePrefix.Length..] : null;

    /// <summary>The peering a teardown id belongs to, or null when <paramref name="id"/> is not a teardown id.</summary>
    public static string? PeeringOfTeardown(string id) =>
        id.EndsWith(TeardownSuffix, StringComparison.Ordinal) && IsPeeringId(id[..^TeardownSuffix.Length]) ? id[..^TeardownSuffix.Length] : null;

    /// <summary>The peering any instance id of ours belongs to (the peering's own, its teardown, repair or bandwidth change), or null.</summary>
    public static string? PeeringOfAny(string id) =>
        IsPeeringId(id) ? id : PeeringOfTeardown(id) ?? PeeringOfRepair(id) ?? PeeringOfBandwidthChange(id);

    /// <summary>Ids come from URLs: accept only the shape we make, so nothing else can be looked up.</summary>
    public static bool IsPeeringId(string? id) =>
        id is { Length: <= 64 } && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.EndsWith(TeardownSuffix, StringComparison.Ordinal)
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
