using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of DescribeVpcs.</summary>
public sealed class DescribeVpcsResponse : IResponseWithRequestId
{
    [JsonPropertyName("TotalCount")]
    public ulong? TotalCount { get; set; }

    [JsonPropertyName("VpcSet")]
    public Vpc[]? VpcSet { get; set; }

    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
