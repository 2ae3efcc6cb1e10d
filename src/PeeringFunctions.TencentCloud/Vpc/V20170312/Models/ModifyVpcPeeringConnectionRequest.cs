using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of ModifyVpcPeeringConnection: rename a peering, or change its cross-region bandwidth cap or charge type.</summary>
public sealed class ModifyVpcPeeringConnectionRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("PeeringConnectionId")]
    public string? PeeringConnectionId { get; set; }

    /// <summary>New name; unchanged when null.</summary>
    [JsonPropertyName("PeeringConnectionName")]
    public string? PeeringConnectionName { get; set; }

    /// <summary>New bandwidth cap in Mbps (cross-region); unchanged when null.</summary>
    [JsonPropertyName("Bandwidth")]
    public long? Bandwidth { get; set; }

    /// <summary><c>POSTPAID_BY_DAY_MAX</c> or <c>POSTPAID_BY_MONTH_95</c>, see <see cref="PeeringChargeTypes"/>; unchanged when null.</summary>
    [JsonPropertyName("ChargeType")]
    public string? ChargeType { get; set; }
}
