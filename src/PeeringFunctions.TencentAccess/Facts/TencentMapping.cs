using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentAccess.Facts;

/// <summary>
/// The one mapping from Tencent's models to our records. Tencent leaves most fields optional; the defaults for a
/// missing one are decided here, once: an empty string, a table that is not the main one, a route that is enabled.
/// </summary>
public static class TencentMapping
{
    /// <summary>Null when Tencent gave no id or no primary CIDR. Every secondary CIDR counts, whatever its kind.</summary>
    public static VpcFacts? ToFacts(this Vpc vpc)
    {
        ArgumentNullException.ThrowIfNull(vpc);
        return vpc is { VpcId: { } vpcId, CidrBlock: { } cidrBlock }
            ? new VpcFacts(vpcId, cidrBlock, (vpc.AssistantCidrSet ?? []).Select(a => a.CidrBlock).OfType<string>().ToList())
            : null;
    }

    public static RouteTableFacts ToFacts(this RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new RouteTableFacts(
            table.RouteTableId ?? "",
            table.Main ?? false,
            (table.AssociationSet ?? []).Select(a => a.SubnetId).OfType<string>().ToList(),
            (table.RouteSet ?? []).Select(ToFacts).ToList());
    }

    /// <summary>Null when Tencent gave no subnet id; an empty route table id when it named none.</summary>
    public static SubnetFacts? ToFacts(this Subnet subnet)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        return subnet.SubnetId is { } subnetId ? new SubnetFacts(subnetId, subnet.VpcId ?? "", subnet.RouteTableId ?? "") : null;
    }

    public static RouteFacts ToFacts(this Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new RouteFacts(
            route.RouteItemId,
            route.RouteId,
            route.DestinationCidrBlock ?? "",
            route.GatewayType ?? "",
            route.GatewayId ?? "",
            route.Enabled ?? true,
            route.RouteType);
    }

    /// <summary>
    /// The destination VPC is <c>DestinationVpcId</c>, or <c>PeerVpcId</c> where Tencent answers with that name, or empty
    /// where it gives neither (a cross-account request still PENDING): never guessed here.
    /// </summary>
    public static PeeringFacts ToFacts(this PeerConnection peering)
    {
        ArgumentNullException.ThrowIfNull(peering);
        return new PeeringFacts(
            peering.PeeringConnectionId ?? "",
            peering.PeeringConnectionName ?? "",
            peering.SourceVpcId ?? "",
            peering.DestinationVpcId ?? peering.PeerVpcId ?? "",
            peering.State ?? "",
            peering.SourceUin,
            peering.DestinationUin,
            peering.Bandwidth,
            peering.SourceRegion,
            peering.DestinationRegion);
    }
}
