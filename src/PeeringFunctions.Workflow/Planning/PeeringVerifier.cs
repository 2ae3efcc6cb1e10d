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

        foreach (var destination in side.Destinations)
        {
            var route = Via(table.Routes, destination, peeringConnectionId);
            if (route is null)
            {
                yield return $"Route {destination} → {peeringConnectionId} is missing from {side.RouteTableId} ({side.Account}).";
            }
            else if (!route.Enabled)
            {
                yield return Disabled(side, destination, peeringConnectionId);
            }
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
    public static IReadOnlyList<string>? CheckReply(SidePlan side, string peeringConnectionId, IReadOnlyList<RouteFacts> reported)
    {
        var problems = new List<string>();
        foreach (var destination in side.Destinations)
        {
            var route = Via(reported, destination, peeringConnectionId);
            if (route is null)
            {
                return null;
            }

            if (!route.Enabled)
            {
                problems.Add(Disabled(side, destination, peeringConnectionId));
            }
        }

        return problems;
    }

    private static RouteFacts? Via(IEnumerable<RouteFacts> routes, string destination, string peeringConnectionId) =>
        routes.FirstOrDefault(r => r.DestinationCidrBlock == destination && r.GatewayType == "PEERCONNECTION" && r.GatewayId == peeringConnectionId);

    private static string Disabled(SidePlan side, string destination, string peeringConnectionId) =>
        $"Route {destination} → {peeringConnectionId} in {side.RouteTableId} ({side.Account}) is disabled.";
}
