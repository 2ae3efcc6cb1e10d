using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>The registry record of an adopted peering: what Tencent showed, as the desired state, with nothing created by us.</summary>
public static class AdoptedRecord
{
    /// <param name="routes">Per managed side's VPC id, the route tables sending something via the peering (at most one each).</param>
    public static RegisteredPeering Of(
        string id, PeeringFacts facts, PeeringSides sides, IReadOnlyDictionary<string, IReadOnlyList<DiscoveredRouteTable>> routes,
        string repairPolicy, string adoptedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(routes);
        var initiator = Side(sides.Initiator);
        var receiver = Side(sides.Receiver);
        var routed = new[] { initiator, receiver }.Where(s => s.IsManaged)
            .Select(s => s.RouteTableId is null ? $"{s.VpcId}: no route via it" : $"{s.VpcId}: {string.Join(", ", s.Destinations)} on {s.RouteTableId}");
        return new RegisteredPeering(
            id,
            string.IsNullOrWhiteSpace(facts.Name) ? id : facts.Name,
            RegistryStates.Active,
            facts.PeeringConnectionId,
            initiator,
            receiver,
            at,
            $"Adopted by {adoptedBy}: {facts.PeeringConnectionId} recorded as found ({string.Join("; ", routed)}); nothing was changed in Tencent.",
            repairPolicy,
            PeeringOrigins.Adopted,
            RequestedBy: adoptedBy,
            ApprovedBy: null,
            Health: PeeringHealth.Unchecked);

        RegisteredSide Side(SeenSide side)
        {
            // Only a managed side has routes recorded; an external one is known by its UIN alone.
            var table = side.Account is not null && routes.TryGetValue(side.VpcId, out var tables) ? tables.SingleOrDefault() : null;
            return new RegisteredSide(
                side.Account,
                side.Account is null ? side.Uin : null,
                side.Region,
                side.VpcId,
                table?.RouteTableId,
                table?.Destinations ?? [],
                CreatedRouteItemIds: [],
                AssociationChanges: [],
                KeptSubnetIds: table?.SubnetIds ?? []);
        }
    }
}
