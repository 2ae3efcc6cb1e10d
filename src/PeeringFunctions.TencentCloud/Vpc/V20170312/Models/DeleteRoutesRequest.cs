using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of DeleteRoutes.</summary>
public sealed class DeleteRoutesRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    /// <summary>Routes to delete, identified by RouteId or RouteItemId. Always send it.</summary>
    [JsonPropertyName("Routes")]
    public Route[]? Routes { get; set; }
}
