using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of DescribeVpcPeeringConnections.</summary>
public sealed class DescribeVpcPeeringConnectionsResponse : IResponseWithRequestId
{
    [JsonPropertyName("TotalCount")]
    public long? TotalCount { get; set; }

    [JsonPropertyName("PeerConnectionSet")]
    public PeerConnection[]? PeerConnectionSet { get; set; }

    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
