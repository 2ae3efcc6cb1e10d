using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of CreateRoutes.</summary>
public sealed class CreateRoutesRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    /// <summary>Required. DestinationCidrBlock, GatewayType and GatewayId per route.</summary>
    [JsonPropertyName("Routes")]
    public Route[]? Routes { get; set; }
}
