namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Known <see cref="Route.GatewayType"/> values. The list grows over time: compare, never enumerate.</summary>
public static class GatewayTypes
{
    /// <summary>A VPC peering connection; GatewayId is the <c>pcx-…</c> ID.</summary>
    public const string PeerConnection = "PEERCONNECTION";

    /// <summary>A CVM acting as public gateway.</summary>
    public const string Cvm = "CVM";
    public const string Vpn = "VPN";
    public const string DirectConnect = "DIRECTCONNECT";
    public const string HaVip = "HAVIP";
    public const string Nat = "NAT";

    /// <summary>An ordinary CVM; GatewayId is its private IP.</summary>
    public const string NormalCvm = "NORMAL_CVM";

    /// <summary>A public IP of a CVM; GatewayId is <c>"0"</c>.</summary>
    public const string Eip = "EIP";
    public const string LocalGateway = "LOCAL_GATEWAY";
    public const string IntraNat = "INTRANAT";
    public const string UserCcn = "USER_CCN";
    public const string GwlbEndpoint = "GWLB_ENDPOINT";

    // Seen in output only.
    public const string Ccn = "CCN";
    public const string Local = "LOCAL";
    public const string SslVpn = "SSLVPN";
}
