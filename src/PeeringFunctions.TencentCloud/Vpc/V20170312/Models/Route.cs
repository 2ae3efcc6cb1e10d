using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A route entry (input of CreateRoutes/DeleteRoutes/ReplaceRoutes, output of the route APIs).</summary>
public sealed class Route
{
    /// <summary>IPv4 destination; must not fall inside the local VPC CIDR and, for a peering next hop, must lie inside the peer VPC CIDR.</summary>
    [JsonPropertyName("DestinationCidrBlock")]
    public string? DestinationCidrBlock { get; set; }

    /// <summary>Next-hop type, see <see cref="GatewayTypes"/>; kept as a string so new values never break parsing.</summary>
    [JsonPropertyName("GatewayType")]
    public string? GatewayType { get; set; }

    /// <summary>Next-hop ID: <c>pcx-…</c> for <see cref="GatewayTypes.PeerConnection"/>.</summary>
    [JsonPropertyName("GatewayId")]
    public string? GatewayId { get; set; }

    /// <summary>Legacy numeric ID (unique per table, 0 for IPv6 routes); identifies the route in DeleteRoutes.</summary>
    [JsonPropertyName("RouteId")]
    public ulong? RouteId { get; set; }

    [JsonPropertyName("RouteDescription")]
    public string? RouteDescription { get; set; }

    [JsonPropertyName("Enabled")]
    public bool? Enabled { get; set; }

    /// <summary><c>USER</c>, <c>NETD</c> or <c>CCN</c> (see <see cref="RouteTypes"/>); output only. Only USER routes can be managed.</summary>
    [JsonPropertyName("RouteType")]
    public string? RouteType { get; set; }

    /// <summary>Output only.</summary>
    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    [JsonPropertyName("DestinationIpv6CidrBlock")]
    public string? DestinationIpv6CidrBlock { get; set; }

    /// <summary>Unique route ID <c>rti-…</c>.</summary>
    [JsonPropertyName("RouteItemId")]
    public string? RouteItemId { get; set; }

    /// <summary>Output only: published to CCN.</summary>
    [JsonPropertyName("PublishedToVbc")]
    public bool? PublishedToVbc { get; set; }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>; output only.</summary>
    [JsonPropertyName("CreatedTime")]
    public string? CreatedTime { get; set; }

    [JsonPropertyName("CdcId")]
    public string? CdcId { get; set; }
}
