using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A subnet associated with a route table.</summary>
public sealed class RouteTableAssociation
{
    [JsonPropertyName("SubnetId")]
    public string? SubnetId { get; set; }

    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }
}
