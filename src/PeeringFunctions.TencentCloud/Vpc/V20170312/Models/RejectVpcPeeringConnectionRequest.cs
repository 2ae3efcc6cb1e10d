using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of RejectVpcPeeringConnection (called with the receiver's credentials).</summary>
public sealed class RejectVpcPeeringConnectionRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("PeeringConnectionId")]
    public string? PeeringConnectionId { get; set; }
}
