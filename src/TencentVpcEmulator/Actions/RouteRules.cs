using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// What a route element, its destination and its neighbours must satisfy, for CreateRoutes and ReplaceRoutes alike; the
/// two differ only in the codes their documented lists give (ReplaceRoutes has no RouteNextHopInvalid and no
/// EcmpWithUserRoute: plain InvalidParameterValue and Ecmp).
/// </summary>
internal static class RouteRules
{
    /// <summary>
    /// One route element on its own: its fields, its next hop (a peering must be ACTIVE and of this VPC, else
    /// <paramref name="nextHopInvalidCode"/>) and its destination.
    /// </summary>
    public static (string Destination, string Type, string Gateway) Validate(
        ActionContext c, RouteTableRecord table, RouteInput input, string nextHopInvalidCode)
    {
        var destination = input.DestinationCidrBlock ?? throw RouteInput.Missing(c.Errors, input.Path, "DestinationCidrBlock");
        var type = input.GatewayType ?? throw RouteInput.Missing(c.Errors, input.Path, "GatewayType");
        var gateway = input.GatewayId ?? throw RouteInput.Missing(c.Errors, input.Path, "GatewayId");
        var vpc = table.Vpc;

        if (!Cidr.TryParse(destination, out _))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueMalformed,
                $"The value `{destination}` of parameter `{input.Path}.DestinationCidrBlock` is not a valid IPv4 CIDR block.");
        }

        if (!GatewayTypes.Creatable.Contains(type))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue,
                $"The value `{type}` of parameter `{input.Path}.GatewayType` is not a supported next-hop type.");
        }

        if (string.IsNullOrWhiteSpace(gateway))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, $"The parameter `{input.Path}.GatewayId` must not be empty.");
        }

        PeeringRecord? peering = null;
        if (type == GatewayTypes.PeerConnection
            && (!c.Store.PeeringsById.TryGetValue(gateway, out peering) || peering.State != PeeringStates.Active || !peering.Involves(vpc)))
        {
            throw new ApiException(nextHopInvalidCode, $"`{input.Path}`: the next hop `{gateway}` is not an ACTIVE peering connection of `{vpc.VpcId}`.");
        }

        CheckDestination(vpc, destination, peering);
        return (destination, type, gateway);
    }

    /// <summary>The destination against the VPC's own space and, for a peering route, the peer VPC's.</summary>
    private static void CheckDestination(VpcRecord vpc, string destination, PeeringRecord? peering)
    {
        if (vpc.Subnets.Any(s => Cidr.SameBlock(s.CidrBlock, destination)))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueSubnetOverlapRoute,
                $"The destination `{destination}` is the CIDR block of a subnet of `{vpc.VpcId}`.");
        }

        if (vpc.AssistantCidrs.Any(a => Cidr.SameBlock(a, destination)))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueVpcCidrOverlapRoute,
                $"The destination `{destination}` is a secondary CIDR block of `{vpc.VpcId}`.");
        }

        // A destination inside the VPC's own space is refused; a wider one (e.g. 0.0.0.0/0 via NAT) is fine,
        // because the local route is more specific.
        if (vpc.AllCidrs.Any(block => Cidr.Contains(block, destination)))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueVpcCidrConflict,
                $"The destination `{destination}` conflicts with the CIDR of `{vpc.VpcId}`.");
        }

        if (peering is not null && !peering.OtherEnd(vpc).AllCidrs.Any(block => Cidr.Contains(block, destination)))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueCidrNotInPeerVpc,
                $"The destination `{destination}` is not within the CIDR blocks of the peer VPC `{peering.OtherEnd(vpc).VpcId}`.");
        }
    }

    /// <summary>Same destination and next hop → Duplicate; same destination, another next hop, a peering involved → <paramref name="ecmpCode"/>.</summary>
    public static void CheckAgainst(
        IEnumerable<(string Destination, string Type, string Gateway)> others,
        (string Destination, string Type, string Gateway) route,
        string path,
        string ecmpCode)
    {
        foreach (var other in others.Where(o => Cidr.SameBlock(o.Destination, route.Destination)))
        {
            if (other.Type == route.Type && other.Gateway == route.Gateway)
            {
                throw new ApiException(ErrorCodes.InvalidParameterValueDuplicate,
                    $"`{path}`: a route to `{route.Destination}` via {route.Type} `{route.Gateway}` already exists.");
            }

            if (other.Type == GatewayTypes.PeerConnection || route.Type == GatewayTypes.PeerConnection)
            {
                throw new ApiException(ecmpCode,
                    $"`{path}`: the destination `{route.Destination}` already routes via {other.Type} `{other.Gateway}`; ECMP is not supported for this next hop.");
            }
        }
    }
}
