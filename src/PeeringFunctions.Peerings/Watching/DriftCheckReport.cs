namespace PeeringFunctions.Peerings.Watching;

/// <summary>What one tick of the watcher did.</summary>
/// <param name="PeeringsChecked">Watched peerings compared with Tencent (not those of a group whose reads failed).</param>
/// <param name="PeeringsSkipped">Watched peerings left with their previous health because a group of theirs failed.</param>
/// <param name="Groups">(account, region) groups read.</param>
/// <param name="TencentCalls">Calls made, by action.</param>
/// <param name="NewFindings">"peering-id: description" per finding seen for the first time (each notified once).</param>
/// <param name="RepairsStarted">"peering-id: repair-id" per repair started.</param>
/// <param name="RepairsRefused">"peering-id: why" per repair asked for and refused.</param>
/// <param name="GroupErrors">"account/region: error" per group whose reads failed.</param>
public sealed record DriftCheckReport(
    int PeeringsChecked,
    int PeeringsSkipped,
    int Groups,
    IReadOnlyDictionary<string, int> TencentCalls,
    IReadOnlyList<string> NewFindings,
    IReadOnlyList<string> RepairsStarted,
    IReadOnlyList<string> RepairsRefused,
    IReadOnlyList<string> GroupErrors,
    TimeSpan Elapsed)
{
    public int TotalTencentCalls => TencentCalls.Values.Sum();
}
