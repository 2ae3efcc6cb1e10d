using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of CreateVpcPeeringConnection (called with the initiator's credentials).</summary>
public sealed class CreateVpcPeeringConnectionRequest
{
    /// <summary>Required. Local VPC, e.g. <c>vpc-0npfx81k</c>.</summary>
    [JsonPropertyName("SourceVpcId")]
    public string? SourceVpcId { get; set; }

    /// <summary>Required.</summary>
    [JsonPropertyName("PeeringConnectionName")]
    public string? PeeringConnectionName { get; set; }

    /// <summary>Required. Peer VPC ID.</summary>
    [JsonPropertyName("DestinationVpcId")]
    public string? DestinationVpcId { get; set; }

    /// <summary>Required. Peer root-account UIN — a STRING in this request (an integer in <see cref="PeerConnection"/>).</summary>
    [JsonPropertyName("DestinationUin")]
    public string? DestinationUin { get; set; }

    /// <summary>Required. Peer region long name, e.g. <c>ap-guangzhou</c>.</summary>
    [JsonPropertyName("DestinationRegion")]
    public string? DestinationRegion { get; set; }

    /// <summary>Bandwidth cap in Mbps (cross-region).</summary>
    [JsonPropertyName("Bandwidth")]
    public long? Bandwidth { get; set; }

    /// <summary><c>VPC_PEER</c> or <c>VPC_BM_PEER</c>, see <see cref="PeeringConnectionTypes"/>.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    /// <summary><c>POSTPAID_BY_DAY_MAX</c> or <c>POSTPAID_BY_MONTH_95</c>, see <see cref="PeeringChargeTypes"/>.</summary>
    [JsonPropertyName("ChargeType")]
    public string? ChargeType { get; set; }

    /// <summary><c>PT</c>, <c>AU</c> or <c>AG</c>.</summary>
    [JsonPropertyName("QosLevel")]
    public string? QosLevel { get; set; }

    [JsonPropertyName("Tags")]
    public Tag[]? Tags { get; set; }
}
