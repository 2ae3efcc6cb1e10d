using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>What a VPC routes through a peering: its tables with a route via the pcx, from the tables Tencent listed.</summary>
public static class PeeringRoutes
{
    /// <summary>
    /// The tables of <paramref name="vpcId"/> among <paramref name="tables"/> that send something via
    /// <paramref name="peeringConnectionId"/>, each with those destinations (in Tencent's order, once each, enabled or
    /// not: a disabled route is still the desired state, the watcher reports it) and its associated subnets.
    /// </summary>
    public static IReadOnlyList<DiscoveredRouteTable> Of(IEnumerable<RouteTable> tables, string vpcId, string peeringConnectionId) =>
    [
        .. tables
            .Where(t => t.VpcId == vpcId && t.RouteTableId is not null)
            .Select(t => (Table: t, Facts: t.ToFacts()))
            .Select(t => new DiscoveredRouteTable(
                t.Facts.RouteTableId,
                t.Facts.Main,
                [.. t.Facts.Routes.Where(r => r.IsVia(peeringConnectionId)).Select(r => r.DestinationCidrBlock).Distinct(StringComparer.Ordinal)],
                [.. t.Facts.AssociatedSubnetIds.Order(StringComparer.Ordinal)]))
            .Where(t => t.Destinations.Count > 0)
            .OrderBy(t => t.RouteTableId, StringComparer.Ordinal),
    ];
}
