namespace PeeringFunctions.Peerings.Purging;

/// <summary>What one purge tick did.</summary>
/// <param name="Cutoff">Instances that ended before this were due.</param>
/// <param name="Purged">The instance ids whose history was purged (at most the batch size).</param>
/// <param name="Skipped">Due instances kept, each with why ("id: reason").</param>
/// <param name="MoreDue">The batch filled before the due instances ran out: the next tick goes on.</param>
public sealed record PurgeReport(DateTimeOffset Cutoff, IReadOnlyList<string> Purged, IReadOnlyList<string> Skipped, bool MoreDue);
