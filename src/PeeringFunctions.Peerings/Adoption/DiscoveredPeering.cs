namespace PeeringFunctions.Peerings.Adoption;

/// <summary>
/// An ACTIVE peering one of our accounts can see that the registry does not manage: its two sides with what each
/// managed side routes through it, the id adopting it would give, and the body that adopts it.
/// </summary>
/// <param name="Id">The id it would be managed under: the one a request for this VPC pair gets.</param>
/// <param name="Adopt">The body of <c>POST /api/peerings/adopt</c> that adopts it.</param>
public sealed record DiscoveredPeering(
    string Id,
    string PeeringConnectionId,
    string Name,
    string State,
    DiscoveredSide Initiator,
    DiscoveredSide Receiver,
    AdoptionBody Adopt);

/// <summary>
/// One side as Tencent shows it. <paramref name="Account"/> is the configured alias owning it (null: not one of ours,
/// and then nothing of it is read); <paramref name="RouteTables"/> are its VPC's tables with a route via the peering.
/// </summary>
public sealed record DiscoveredSide(
    string? Account,
    string? Uin,
    string Region,
    string VpcId,
    bool Managed,
    IReadOnlyList<DiscoveredRouteTable> RouteTables);

/// <param name="Destinations">The CIDRs this table sends through the peering.</param>
/// <param name="SubnetIds">The subnets associated with this table: the ones these routes serve.</param>
public sealed record DiscoveredRouteTable(string RouteTableId, bool Main, IReadOnlyList<string> Destinations, IReadOnlyList<string> SubnetIds);

/// <param name="Problems">(account, region) groups that could not be read, each with Tencent's code: the list may be missing their peerings.</param>
/// <param name="TencentCalls">How many Tencent calls the discovery made (all reads).</param>
public sealed record DiscoveryReport(IReadOnlyList<DiscoveredPeering> Peerings, IReadOnlyList<string> Problems, int TencentCalls);

/// <summary>The answer of <c>GET /api/peerings/discovered</c>.</summary>
public sealed record DiscoveredPeeringList(int Count, IReadOnlyList<DiscoveredPeering> Peerings, IReadOnlyList<string> Problems)
{
    public static DiscoveredPeeringList Of(DiscoveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Peerings.Count, report.Peerings, report.Problems);
    }
}
