using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of DescribeRouteTables. Offset/Limit are STRINGS here.</summary>
public sealed class DescribeRouteTablesRequest
{
    /// <summary><c>route-table-id</c>, <c>route-table-name</c>, <c>vpc-id</c>, <c>association.main</c>, <c>tag-key</c>, <c>tag:&lt;key&gt;</c>, <c>next-hop-type</c>, …</summary>
    [JsonPropertyName("Filters")]
    public Filter[]? Filters { get; set; }

    /// <summary>Cannot be combined with <see cref="Filters"/>.</summary>
    [JsonPropertyName("RouteTableIds")]
    public string[]? RouteTableIds { get; set; }

    /// <summary>E.g. <c>"0"</c>.</summary>
    [JsonPropertyName("Offset")]
    public string? Offset { get; set; }

    /// <summary>Default 20, max 100.</summary>
    [JsonPropertyName("Limit")]
    public string? Limit { get; set; }

    /// <summary>Default true; false omits the route entries.</summary>
    [JsonPropertyName("NeedRouterInfo")]
    public bool? NeedRouterInfo { get; set; }
}
