using System.Text.Json;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// Writes records in Tencent's output models (Vpc, Subnet, RouteTable, Route, PeerConnection), field by field in the
/// order Tencent's examples show; handlers put them in replies with <see cref="RenderedJson.Array"/>.
/// </summary>
internal static class Views
{
    /// <summary>What Describe shows when the peering was created without a ChargeType (the official example's value).</summary>
    private const string DefaultChargeType = "POSTPAID_BY_DAY_MAX";

    private const string VpcPeerType = "VPC_PEER";

    /// <summary>The official Describe example shows "VPC0" where the request documents VPC_PEER.</summary>
    private const string DescribedVpcPeerType = "VPC0";

    public static void Vpc(Utf8JsonWriter w, VpcRecord v)
    {
        w.WriteStartObject();
        w.WriteString("VpcName", v.VpcName);
        w.WriteString("VpcId", v.VpcId);
        w.WriteString("CidrBlock", v.CidrBlock);
        w.WriteBoolean("IsDefault", false);
        w.WriteBoolean("EnableMulticast", false);
        w.WriteString("CreatedTime", TencentTime.Format(v.CreatedAt));
        w.WriteStartArray("DnsServerSet");
        w.WriteStringValue("183.60.83.19");
        w.WriteStringValue("183.60.82.98");
        w.WriteEndArray();
        w.WriteString("DomainName", "");
        w.WriteString("DhcpOptionsId", "");
        w.WriteBoolean("EnableDhcp", true);
        w.WriteString("Ipv6CidrBlock", "");
        EmptyArray(w, "TagSet");
        w.WriteStartArray("AssistantCidrSet");
        foreach (var c in v.AssistantCidrs)
        {
            w.WriteStartObject();
            w.WriteString("VpcId", v.VpcId);
            w.WriteString("CidrBlock", c);
            w.WriteNumber("AssistantType", 0);
            w.WriteStartArray("SubnetSet");
            foreach (var s in v.Subnets)
            {
                if (Cidr.Contains(c, s.CidrBlock))
                {
                    Subnet(w, s);
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("EnableRouteVpcPublish", false);
        EmptyArray(w, "Ipv6CidrBlockSet");
        w.WriteBoolean("EnableRouteVpcPublishIpv6", false);
        w.WriteEndObject();
    }

    public static void Subnet(Utf8JsonWriter w, SubnetRecord s)
    {
        var total = Cidr.AddressCount(s.CidrBlock);
        w.WriteStartObject();
        w.WriteString("VpcId", s.Vpc.VpcId);
        w.WriteString("SubnetId", s.SubnetId);
        w.WriteString("SubnetName", s.SubnetName);
        w.WriteString("CidrBlock", s.CidrBlock);
        w.WriteBoolean("IsDefault", false);
        w.WriteBoolean("EnableBroadcast", false);
        w.WriteString("Zone", s.Zone);
        w.WriteString("RouteTableId", s.RouteTableId);
        w.WriteString("CreatedTime", TencentTime.Format(s.CreatedAt));

        // Tencent keeps the network, gateway and broadcast addresses for itself.
        w.WriteNumber("AvailableIpAddressCount", Math.Max(0, total - 3));
        w.WriteString("Ipv6CidrBlock", "");
        w.WriteString("NetworkAclId", "");
        w.WriteBoolean("IsRemoteVpcSnat", false);
        w.WriteNumber("TotalIpAddressCount", total);
        EmptyArray(w, "TagSet");
        w.WriteString("CdcId", "");
        w.WriteNumber("IsCdcSubnet", 0);
        w.WriteEndObject();
    }

    /// <summary>The table with <paramref name="routes"/> as its RouteSet (all, some, or none of its own).</summary>
    public static void RouteTable(Utf8JsonWriter w, RouteTableRecord t, IEnumerable<RouteRecord> routes)
    {
        w.WriteStartObject();
        w.WriteString("VpcId", t.Vpc.VpcId);
        w.WriteString("RouteTableId", t.RouteTableId);
        w.WriteString("RouteTableName", t.RouteTableName);
        w.WriteStartArray("AssociationSet");
        foreach (var subnetId in AssociatedSubnetIds(t))
        {
            w.WriteStartObject();
            w.WriteString("SubnetId", subnetId);
            w.WriteString("RouteTableId", t.RouteTableId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("RouteSet");
        foreach (var r in routes)
        {
            Route(w, r);
        }

        w.WriteEndArray();
        w.WriteBoolean("Main", t.Main);
        w.WriteString("CreatedTime", TencentTime.Format(t.CreatedAt));
        EmptyArray(w, "TagSet");
        w.WriteStartArray("LocalCidrForCcn");
        foreach (var c in t.Vpc.AllCidrs)
        {
            w.WriteStartObject();
            w.WriteString("Cidr", c);
            w.WriteBoolean("PublishedToVbc", false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Route(Utf8JsonWriter w, RouteRecord r)
    {
        w.WriteStartObject();
        w.WriteString("DestinationCidrBlock", r.DestinationCidrBlock);
        w.WriteString("GatewayType", r.GatewayType);
        w.WriteString("GatewayId", r.GatewayId);
        w.WriteNumber("RouteId", r.RouteId);
        w.WriteString("RouteDescription", r.RouteDescription);
        w.WriteBoolean("Enabled", r.Enabled);
        w.WriteString("RouteType", r.RouteType);
        w.WriteString("RouteTableId", r.RouteTableId);
        w.WriteString("DestinationIpv6CidrBlock", "");
        w.WriteString("RouteItemId", r.RouteItemId);
        w.WriteBoolean("PublishedToVbc", false);
        w.WriteString("CreatedTime", TencentTime.Format(r.CreatedAt));
        w.WriteEndObject();
    }

    /// <summary>
    /// Same orientation for both accounts: Source* is always the initiator. Shaped as Tencent's published examples
    /// show it: IsNgw false, ChargeType POSTPAID_BY_DAY_MAX when none was given (intra-region too, with Bandwidth 0),
    /// Type VPC0 for a VPC-to-VPC peering; a cross-account request still PENDING names no peer VPC (no PeerVpcId, no
    /// DestinationVpcId) unless <see cref="EmulatorOptions.PendingRequestHidesPeerVpc"/> is off.
    /// </summary>
    public static void Peering(Utf8JsonWriter w, PeeringRecord p, EmulatorOptions options)
    {
        var showsPeerVpc = !(options.PendingRequestHidesPeerVpc && p.State == PeeringStates.Pending && p.Source.Owner.Uin != p.Destination.Owner.Uin);
        w.WriteStartObject();
        w.WriteString("SourceVpcId", p.Source.VpcId);
        if (showsPeerVpc)
        {
            w.WriteString("PeerVpcId", p.Destination.VpcId);
        }

        w.WriteString("PeeringConnectionId", p.PeeringConnectionId);
        w.WriteString("PeeringConnectionName", p.Name);
        w.WriteString("State", p.State);
        w.WriteBoolean("IsNgw", false);
        w.WriteNumber("Bandwidth", p.Bandwidth);
        w.WriteString("SourceRegion", RegionCodes.ToShort(p.Source.Region));
        w.WriteString("DestinationRegion", RegionCodes.ToShort(p.Destination.Region));
        w.WriteString("CreateTime", TencentTime.Format(p.CreatedAt));
        w.WriteNumber("AppId", p.Source.Owner.AppId);
        w.WriteNumber("PeerAppId", p.Destination.Owner.AppId);
        w.WriteString("ChargeType", p.ChargeType.Length == 0 ? DefaultChargeType : p.ChargeType);
        w.WriteNumber("SourceUin", p.Source.Owner.Uin);
        w.WriteNumber("DestinationUin", p.Destination.Owner.Uin);
        w.WriteStartArray("TagSet");
        foreach (var t in p.Tags)
        {
            w.WriteStartObject();
            w.WriteString("Key", t.Key);
            w.WriteString("Value", t.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("QosLevel", p.QosLevel);
        w.WriteString("Type", p.Type == VpcPeerType ? DescribedVpcPeerType : p.Type);
        if (showsPeerVpc)
        {
            w.WriteString("DestinationVpcId", p.Destination.VpcId);
        }

        w.WriteEndObject();
    }

    /// <summary>The subnets associated with the table, by id: its VPC's subnets are the only ones that can be.</summary>
    private static List<string> AssociatedSubnetIds(RouteTableRecord t)
    {
        var ids = new List<string>();
        foreach (var s in t.Vpc.Subnets)
        {
            if (s.RouteTableId == t.RouteTableId)
            {
                ids.Add(s.SubnetId);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static void EmptyArray(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray(name);
        w.WriteEndArray();
    }
}
