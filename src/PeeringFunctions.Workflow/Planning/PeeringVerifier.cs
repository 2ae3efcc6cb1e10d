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
            var route = table.Routes.FirstOrDefault(r =>
                r.DestinationCidrBlock == destination && r.GatewayType == "PEERCONNECTION" && r.GatewayId == peeringConnectionId);
            if (route is null)
            {
                yield return $"Route {destination} → {peeringConnectionId} is missing from {side.RouteTableId} ({side.Account}).";
            }
            else if (!route.Enabled)
            {
                yield return $"Route {destination} → {peeringConnectionId} in {side.RouteTableId} ({side.Account}) is disabled.";
            }
        }

        foreach (var subnetId in side.SubnetIds.Where(s => !table.AssociatedSubnetIds.Contains(s)))
        {
            yield return $"Subnet {subnetId} is not associated with {side.RouteTableId} ({side.Account}).";
        }
    }
}
