using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>Renders records in Tencent's output models (Vpc, Subnet, RouteTable, Route, PeerConnection).</summary>
internal static class Views
{
    /// <summary>What Describe shows when the peering was created without a ChargeType (the official example's value).</summary>
    private const string DefaultChargeType = "POSTPAID_BY_DAY_MAX";

    private const string VpcPeerType = "VPC_PEER";

    /// <summary>The official Describe example shows "VPC0" where the request documents VPC_PEER.</summary>
    private const string DescribedVpcPeerType = "VPC0";

    public static JsonObject Vpc(VpcRecord v, VpcStore store) => new()
    {
        ["VpcName"] = v.VpcName,
        ["VpcId"] = v.VpcId,
        ["CidrBlock"] = v.CidrBlock,
        ["IsDefault"] = false,
        ["EnableMulticast"] = false,
        ["CreatedTime"] = TencentTime.Format(v.CreatedAt),
        ["DnsServerSet"] = new JsonArray("183.60.83.19", "183.60.82.98"),
        ["DomainName"] = "",
        ["DhcpOptionsId"] = "",
        ["EnableDhcp"] = true,
        ["Ipv6CidrBlock"] = "",
        ["TagSet"] = new JsonArray(),
        ["AssistantCidrSet"] = new JsonArray([.. v.AssistantCidrs.Select(c => (JsonNode)new JsonObject
        {
            ["VpcId"] = v.VpcId,
            ["CidrBlock"] = c,
            ["AssistantType"] = 0,
            ["SubnetSet"] = new JsonArray([.. v.Subnets
                .Where(s => Cidr.Contains(c, s.CidrBlock))
                .Select(s => (JsonNode)Subnet(s))]),
        })]),
        ["EnableRouteVpcPublish"] = false,
        ["Ipv6CidrBlockSet"] = new JsonArray(),
        ["EnableRouteVpcPublishIpv6"] = false,
    };

    public static JsonObject Subnet(SubnetRecord s)
    {
        var total = Cidr.AddressCount(s.CidrBlock);
        return new JsonObject
        {
            ["VpcId"] = s.Vpc.VpcId,
            ["SubnetId"] = s.SubnetId,
            ["SubnetName"] = s.SubnetName,
            ["CidrBlock"] = s.CidrBlock,
            ["IsDefault"] = false,
            ["EnableBroadcast"] = false,
            ["Zone"] = s.Zone,
            ["RouteTableId"] = s.RouteTableId,
            ["CreatedTime"] = TencentTime.Format(s.CreatedAt),
            // Tencent keeps the network, gateway and broadcast addresses for itself.
            ["AvailableIpAddressCount"] = Math.Max(0, total - 3),
            ["Ipv6CidrBlock"] = "",
            ["NetworkAclId"] = "",
            ["IsRemoteVpcSnat"] = false,
            ["TotalIpAddressCount"] = total,
            ["TagSet"] = new JsonArray(),
            ["CdcId"] = "",
            ["IsCdcSubnet"] = 0,
        };
    }

    public static JsonObject RouteTable(RouteTableRecord t, VpcStore store, IEnumerable<RouteRecord> routes) => new()
    {
        ["VpcId"] = t.Vpc.VpcId,
        ["RouteTableId"] = t.RouteTableId,
        ["RouteTableName"] = t.RouteTableName,
        ["AssociationSet"] = new JsonArray([.. t.Vpc.Subnets
            .Where(s => s.RouteTableId == t.RouteTableId)
            .OrderBy(s => s.SubnetId, StringComparer.Ordinal)
            .Select(s => (JsonNode)new JsonObject { ["SubnetId"] = s.SubnetId, ["RouteTableId"] = t.RouteTableId })]),
        ["RouteSet"] = new JsonArray([.. routes.Select(r => (JsonNode)Route(r))]),
        ["Main"] = t.Main,
        ["CreatedTime"] = TencentTime.Format(t.CreatedAt),
        ["TagSet"] = new JsonArray(),
        ["LocalCidrForCcn"] = new JsonArray([.. t.Vpc.AllCidrs.Select(c => (JsonNode)new JsonObject { ["Cidr"] = c, ["PublishedToVbc"] = false })]),
    };

    public static JsonObject Route(RouteRecord r) => new()
    {
        ["DestinationCidrBlock"] = r.DestinationCidrBlock,
        ["GatewayType"] = r.GatewayType,
        ["GatewayId"] = r.GatewayId,
        ["RouteId"] = r.RouteId,
        ["RouteDescription"] = r.RouteDescription,
        ["Enabled"] = r.Enabled,
        ["RouteType"] = r.RouteType,
        ["RouteTableId"] = r.RouteTableId,
        ["DestinationIpv6CidrBlock"] = "",
        ["RouteItemId"] = r.RouteItemId,
        ["PublishedToVbc"] = false,
        ["CreatedTime"] = TencentTime.Format(r.CreatedAt),
    };

    /// <summary>
    /// Same orientation for both accounts: Source* is always the initiator. Shaped as Tencent's published examples
    /// show it: IsNgw false, ChargeType POSTPAID_BY_DAY_MAX when none was given (intra-region too, with Bandwidth 0),
    /// Type VPC0 for a VPC-to-VPC peering; a cross-account request still PENDING names no peer VPC (no PeerVpcId, no
    /// DestinationVpcId) unless <see cref="EmulatorOptions.PendingRequestHidesPeerVpc"/> is off.
    /// </summary>
    public static JsonObject Peering(PeeringRecord p, EmulatorOptions options)
    {
        var view = new JsonObject
        {
            ["SourceVpcId"] = p.Source.VpcId,
            ["PeerVpcId"] = p.Destination.VpcId,
            ["PeeringConnectionId"] = p.PeeringConnectionId,
            ["PeeringConnectionName"] = p.Name,
            ["State"] = p.State,
            ["IsNgw"] = false,
            ["Bandwidth"] = p.Bandwidth,
            ["SourceRegion"] = RegionCodes.ToShort(p.Source.Region),
            ["DestinationRegion"] = RegionCodes.ToShort(p.Destination.Region),
            ["CreateTime"] = TencentTime.Format(p.CreatedAt),
            ["AppId"] = p.Source.Owner.AppId,
            ["PeerAppId"] = p.Destination.Owner.AppId,
            ["ChargeType"] = p.ChargeType.Length == 0 ? DefaultChargeType : p.ChargeType,
            ["SourceUin"] = p.Source.Owner.Uin,
            ["DestinationUin"] = p.Destination.Owner.Uin,
            ["TagSet"] = new JsonArray([.. p.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
            ["QosLevel"] = p.QosLevel,
            ["Type"] = p.Type == VpcPeerType ? DescribedVpcPeerType : p.Type,
            ["DestinationVpcId"] = p.Destination.VpcId,
        };

        if (options.PendingRequestHidesPeerVpc && p.State == PeeringStates.Pending && p.Source.Owner.Uin != p.Destination.Owner.Uin)
        {
            view.Remove("PeerVpcId");
            view.Remove("DestinationVpcId");
        }

        return view;
    }
}
