using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of DescribeVpcs. Offset/Limit are STRINGS here.</summary>
public sealed class DescribeVpcsRequest
{
    /// <summary>At most 100; cannot be combined with <see cref="Filters"/>.</summary>
    [JsonPropertyName("VpcIds")]
    public string[]? VpcIds { get; set; }

    /// <summary><c>vpc-name</c>, <c>is-default</c>, <c>vpc-id</c>, <c>cidr-block</c>, <c>tag-key</c>, <c>tag:&lt;key&gt;</c>, …</summary>
    [JsonPropertyName("Filters")]
    public Filter[]? Filters { get; set; }

    [JsonPropertyName("Offset")]
    public string? Offset { get; set; }

    /// <summary>Default 20, max 100.</summary>
    [JsonPropertyName("Limit")]
    public string? Limit { get; set; }
}
