namespace TencentVpcEmulator.State;

/// <summary>Next-hop types CreateRoutes accepts (spec §4.8); output-only types are not creatable.</summary>
internal static class GatewayTypes
{
    public const string PeerConnection = "PEERCONNECTION";

    public static readonly IReadOnlySet<string> Creatable = new HashSet<string>(StringComparer.Ordinal)
    {
        "CVM", "VPN", "DIRECTCONNECT", PeerConnection, "HAVIP", "NAT", "NORMAL_CVM", "EIP",
        "LOCAL_GATEWAY", "INTRANAT", "USER_CCN", "GWLB_ENDPOINT",
    };

    /// <summary>Values the next-hop-type filter of DescribeRouteTables understands.</summary>
    public static readonly IReadOnlySet<string> Filterable = new HashSet<string>(StringComparer.Ordinal)
    {
        "LOCAL", "CVM", "VPN", "DIRECTCONNECT", PeerConnection, "HAVIP", "NAT", "NORMAL_CVM", "EIP", "CCN",
        "LOCAL_GATEWAY", "GWLB_ENDPOINT",
    };
}
