using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of AcceptVpcPeeringConnection (called with the receiver's credentials).</summary>
public sealed class AcceptVpcPeeringConnectionRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("PeeringConnectionId")]
    public string? PeeringConnectionId { get; set; }
}
