namespace PeeringFunctions.Peerings.Topologies;

/// <summary>A topology's id comes from its name, so posting the same topology twice finds the first instead of a second.</summary>
public static class TopologyIds
{
    public const string Prefix = "topology-";

    public static string For(string name) => Prefix + name;

    /// <summary>Ids come from URLs: only the shape we make is looked up.</summary>
    public static bool IsTopologyId(string? id) =>
        id is { Length: > 11 and <= 49 } && id.StartsWith(Prefix, StringComparison.Ordinal)
        && id[Prefix.Length..].All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
