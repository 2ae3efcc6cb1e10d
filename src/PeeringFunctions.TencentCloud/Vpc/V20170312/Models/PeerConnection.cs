using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>
/// A peering connection as returned by DescribeVpcPeeringConnections. Match on <see cref="PeeringConnectionId"/>:
/// which side is "source" when the receiver describes it is undocumented.
/// </summary>
public sealed class PeerConnection
{
    private string? _sourceRegion;
    private string? _destinationRegion;

    /// <summary>The initiator's ("local") VPC.</summary>
    [JsonPropertyName("SourceVpcId")]
    public string? SourceVpcId { get; set; }

    [JsonPropertyName("PeerVpcId")]
    public string? PeerVpcId { get; set; }

    [JsonPropertyName("PeeringConnectionId")]
    public string? PeeringConnectionId { get; set; }

    [JsonPropertyName("PeeringConnectionName")]
    public string? PeeringConnectionName { get; set; }

    /// <summary>See <see cref="PeeringConnectionStates"/>; kept as a string so new states never break parsing.</summary>
    [JsonPropertyName("State")]
    public string? State { get; set; }

    [JsonPropertyName("IsNgw")]
    public bool? IsNgw { get; set; }

    [JsonPropertyName("Bandwidth")]
    public long? Bandwidth { get; set; }

    /// <summary>
    /// Tencent returns a short code here (<c>gz</c>); it is stored as the long name (<c>ap-guangzhou</c>) so it can
    /// be compared with request regions. Unknown codes are kept as received.
    /// </summary>
    [JsonPropertyName("SourceRegion")]
    public string? SourceRegion
    {
        get => _sourceRegion;
        set => _sourceRegion = TencentRegions.ToLongName(value);
    }

    /// <summary>Short code on the wire, exposed as the long name; see <see cref="SourceRegion"/>.</summary>
    [JsonPropertyName("DestinationRegion")]
    public string? DestinationRegion
    {
        get => _destinationRegion;
        set => _destinationRegion = TencentRegions.ToLongName(value);
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, no zone given.</summary>
    [JsonPropertyName("CreateTime")]
    public string? CreateTime { get; set; }

    [JsonPropertyName("AppId")]
    public long? AppId { get; set; }

    [JsonPropertyName("PeerAppId")]
    public long? PeerAppId { get; set; }

    [JsonPropertyName("ChargeType")]
    public string? ChargeType { get; set; }

    /// <summary>An INTEGER here (a string in the create request); UINs exceed 2^31.</summary>
    [JsonPropertyName("SourceUin")]
    public long? SourceUin { get; set; }

    /// <summary>An INTEGER here (a string in <see cref="CreateVpcPeeringConnectionRequest"/>).</summary>
    [JsonPropertyName("DestinationUin")]
    public long? DestinationUin { get; set; }

    [JsonPropertyName("TagSet")]
    public Tag[]? TagSet { get; set; }

    /// <summary>May be an empty string.</summary>
    [JsonPropertyName("QosLevel")]
    public string? QosLevel { get; set; }

    /// <summary>Documented as <c>VPC_PEER</c>/<c>VPC_BM_PEER</c>, but the official example shows <c>VPC0</c>.</summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    [JsonPropertyName("DestinationVpcId")]
    public string? DestinationVpcId { get; set; }
}
