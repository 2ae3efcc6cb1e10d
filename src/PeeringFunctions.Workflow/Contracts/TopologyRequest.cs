namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// Many VPCs peered as one declared shape: a mesh (every pair) or a hub and its spokes, less the pairs left out on
/// purpose. Identifiers only, like <see cref="PeeringRequest"/>: nothing secret is ever persisted.
/// </summary>
/// <param name="Members">Managed sides, each as a peering request's side (its route table and subnets apply to every pair it is in).</param>
/// <param name="Hub">The hub's VPC id, for <see cref="TopologyShapes.HubAndSpoke"/> only.</param>
/// <param name="ExcludedPairs">VPC pairs of members to leave unpeered, in either order.</param>
public sealed record TopologyRequest(
    string Name,
    string Shape,
    string? Hub,
    IReadOnlyList<PeeringSide> Members,
    CrossRegionOptions? CrossRegion = null,
    TimeSpan? AcceptanceTimeout = null,
    IReadOnlyList<VpcPair>? ExcludedPairs = null,
    string? RequestedBy = null)
{
    public TimeSpan EffectiveAcceptanceTimeout =>
        AcceptanceTimeout is { } given && given < PeeringRequest.MaximumAcceptanceTimeout ? given : PeeringRequest.MaximumAcceptanceTimeout;
}

/// <summary>Two VPC ids, unordered.</summary>
public sealed record VpcPair(string A, string B)
{
    public bool Is(string x, string y) => (A == x && B == y) || (A == y && B == x);
}

public static class TopologyShapes
{
    public const string Mesh = "mesh";
    public const string HubAndSpoke = "hub-and-spoke";

    public static IReadOnlyList<string> All { get; } = [Mesh, HubAndSpoke];
}
