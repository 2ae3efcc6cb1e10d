using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of ReplaceRouteTableAssociation: moves a subnet to another route table.</summary>
public sealed class ReplaceRouteTableAssociationRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    /// <summary>Always send it.</summary>
    [JsonPropertyName("SubnetId")]
    public string? SubnetId { get; set; }
}
