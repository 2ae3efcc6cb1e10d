using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of DeleteVpcPeeringConnection (either end may delete).</summary>
public sealed class DeleteVpcPeeringConnectionRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("PeeringConnectionId")]
    public string? PeeringConnectionId { get; set; }
}
