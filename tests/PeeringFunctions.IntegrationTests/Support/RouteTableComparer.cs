using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>Two snapshots of a route table are "the same" when they hold the same routes and subnets.</summary>
public sealed class RouteTableComparer : IEqualityComparer<RouteTableState?>
{
    public static readonly RouteTableComparer Instance = new();

    public bool Equals(RouteTableState? x, RouteTableState? y) =>
        x is null || y is null
            ? x is null && y is null
            : x.RouteTableId == y.RouteTableId
              && x.AssociatedSubnetIds.SequenceEqual(y.AssociatedSubnetIds)
              && x.Routes.Select(r => r.RouteItemId).SequenceEqual(y.Routes.Select(r => r.RouteItemId));

    public int GetHashCode(RouteTableState? obj) => obj?.RouteTableId.GetHashCode(StringComparison.Ordinal) ?? 0;
}
