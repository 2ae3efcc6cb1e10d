using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of DescribeSubnets.</summary>
public sealed class DescribeSubnetsResponse : IResponseWithRequestId
{
    [JsonPropertyName("TotalCount")]
    public ulong? TotalCount { get; set; }

    [JsonPropertyName("SubnetSet")]
    public Subnet[]? SubnetSet { get; set; }

    [JsonPropertyName("NextToken")]
    public string? NextToken { get; set; }

    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
