using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of DescribeSubnets. Offset/Limit are STRINGS here.</summary>
public sealed class DescribeSubnetsRequest
{
    /// <summary>At most 100; cannot be combined with <see cref="Filters"/>.</summary>
    [JsonPropertyName("SubnetIds")]
    public string[]? SubnetIds { get; set; }

    /// <summary><c>subnet-id</c>, <c>vpc-id</c>, <c>cidr-block</c>, <c>is-default</c>, <c>subnet-name</c>, <c>zone</c>, …</summary>
    [JsonPropertyName("Filters")]
    public Filter[]? Filters { get; set; }

    [JsonPropertyName("Offset")]
    public string? Offset { get; set; }

    /// <summary>Default 20, max 100.</summary>
    [JsonPropertyName("Limit")]
    public string? Limit { get; set; }

    /// <summary>Token paging (at most 100); use instead of Offset/Limit.</summary>
    [JsonPropertyName("MaxResults")]
    public ulong? MaxResults { get; set; }

    /// <summary>Token from the previous page; valid 24 h.</summary>
    [JsonPropertyName("NextToken")]
    public string? NextToken { get; set; }
}
