using PeeringFunctions.TencentAccess.Batched;
using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>What one tick read from Tencent, all groups together, each keyed by its id.</summary>
public sealed record WatchedFacts(
    IReadOnlyDictionary<string, PeeringFacts> Peerings,
    IReadOnlyDictionary<string, VpcFacts> Vpcs,
    IReadOnlyDictionary<string, RouteTableFacts> RouteTables,
    IReadOnlyDictionary<string, SubnetFacts> Subnets)
{
    public static WatchedFacts Merge(IEnumerable<GroupFacts> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var peerings = new Dictionary<string, PeeringFacts>(StringComparer.Ordinal);
        var vpcs = new Dictionary<string, VpcFacts>(StringComparer.Ordinal);
        var tables = new Dictionary<string, RouteTableFacts>(StringComparer.Ordinal);
        var subnets = new Dictionary<string, SubnetFacts>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            Copy(group.Peerings, peerings);
            Copy(group.Vpcs, vpcs);
            Copy(group.RouteTables, tables);
            Copy(group.Subnets, subnets);
        }

        return new WatchedFacts(peerings, vpcs, tables, subnets);

        static void Copy<T>(IReadOnlyDictionary<string, T> from, Dictionary<string, T> to)
        {
            foreach (var (id, value) in from)
            {
                to[id] = value;
            }
        }
    }
}
