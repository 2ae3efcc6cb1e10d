using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Planning;

/// <summary>Compares what Tencent shows for one side with what the plan asked for.</summary>
public static class PeeringVerifier
{
    public static IEnumerable<string> CheckSide(SidePlan side, string peeringConnectionId, IReadOnlyList<RouteTableFacts> tables)
    {
        var table = tables.FirstOrDefault(t => t.RouteTableId == side.RouteTableId);
        if (table is null)
        {
            yield return $"Route table {side.RouteTableId} ({side.Account}) is gone.";
            yield break;
        }

        foreach (var problem in RouteProblems(side, peeringConnectionId, table.Routes))
        {
            yield return problem;
        }

        foreach (var subnetId in side.SubnetIds.Where(s => !table.AssociatedSubnetIds.Contains(s)))
        {
            yield return $"Subnet {subnetId} is not associated with {side.RouteTableId} ({side.Account}).";
        }
    }

    /// <summary>
    /// Checks one side against the routes Tencent listed in its reply to our CreateRoutes on the side's table.
    /// Null when the reply does not account for every destination: then only a read of the table can tell.
    /// </summary>
    public static IReadOnlyList<string>? CheckReply(SidePlan side, string peeringConnectionId, IReadOnlyList<RouteFacts> reported) =>
        side.Destinations.All(destination => Via(reported, destination, peeringConnectionId) is not null)
            ? RouteProblems(side, peeringConnectionId, reported).ToList()
            : null;

    /// <summary>Each destination's route through the peering: missing, or there but disabled.</summary>
    private static IEnumerable<string> RouteProblems(SidePlan side, string peeringConnectionId, IEnumerable<RouteFacts> routes)
    {
        foreach (var destination in side.Destinations)
        {
            var route = Via(routes, destination, peeringConnectionId);
            if (route is null)
            {
                yield return $"Route {destination} → {peeringConnectionId} is missing from {side.RouteTableId} ({side.Account}).";
            }
            else if (!route.Enabled)
            {
                yield return $"Route {destination} → {peeringConnectionId} in {side.RouteTableId} ({side.Account}) is disabled.";
            }
        }
    }

    private static RouteFacts? Via(IEnumerable<RouteFacts> routes, string destination, string peeringConnectionId) =>
        routes.FirstOrDefault(r => r.DestinationCidrBlock == destination && r.IsVia(peeringConnectionId));
}
