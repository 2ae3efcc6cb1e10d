using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>An (account, region) whose reads the watcher batches.</summary>
public readonly record struct GroupKey(string Account, string Region);

/// <summary>
/// Which ids each (account, region) group reads: the VPCs of the managed sides there, and each peering's connection
/// once, in the group of its first managed side (both accounts see the same state).
/// </summary>
public sealed class ReadPlan
{
    private ReadPlan(IReadOnlyList<Group> groups) => Groups = groups;

    public IReadOnlyList<Group> Groups { get; }

    public static ReadPlan For(IEnumerable<RegisteredPeering> records)
    {
        var groups = new Dictionary<GroupKey, Gathering>();
        foreach (var record in records)
        {
            var keys = GroupsOf(record).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                if (!groups.TryGetValue(keys[i], out var entry))
                {
                    groups[keys[i]] = entry = new Gathering();
                }

                if (i == 0 && record.PeeringConnectionId is { } pcx)
                {
                    entry.Pcx.Add(pcx);
                }

                var key = keys[i];
                entry.Vpcs.UnionWith(ManagedSides(record).Where(s => Key(s) == key).Select(s => s.VpcId));
                entry.Count++;
            }
        }

        return new ReadPlan([.. groups.Select(g => new Group(g.Key, [.. g.Value.Pcx], [.. g.Value.Vpcs], g.Value.Count))]);
    }

    /// <summary>The groups of a record's managed sides, the initiator's first (one group when both share it).</summary>
    public static IEnumerable<GroupKey> GroupsOf(RegisteredPeering record) => ManagedSides(record).Select(Key).Distinct();

    private static IEnumerable<RegisteredSide> ManagedSides(RegisteredPeering record) =>
        new[] { record.Initiator, record.Receiver }.Where(s => s.IsManaged);

    private static GroupKey Key(RegisteredSide side) => new(side.Account!, side.Region);

    private sealed class Gathering
    {
        public HashSet<string> Pcx { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Vpcs { get; } = new(StringComparer.Ordinal);

        public int Count { get; set; }
    }

    /// <param name="PeeringCount">Watched peerings with a managed side in this group.</param>
    public sealed record Group(GroupKey Key, IReadOnlyList<string> PeeringConnectionIds, IReadOnlyList<string> VpcIds, int PeeringCount);
}
