using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of ReplaceRoutes: rewrites existing routes in place (same RouteId and RouteItemId).</summary>
public sealed class ReplaceRoutesRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    /// <summary>Required. Each names the route to replace (RouteId or RouteItemId) and its new DestinationCidrBlock, GatewayType and GatewayId.</summary>
    [JsonPropertyName("Routes")]
    public Route[]? Routes { get; set; }
}
