using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of DescribeVpcPeeringConnections. Offset/Limit are INTEGERS here (strings in the other Describe calls).</summary>
public sealed class DescribeVpcPeeringConnectionsRequest
{
    /// <summary>Cannot be combined with <see cref="Filters"/>.</summary>
    [JsonPropertyName("PeeringConnectionIds")]
    public string[]? PeeringConnectionIds { get; set; }

    /// <summary><c>vpc-id</c>, <c>state</c>, <c>peering-connection-name</c>.</summary>
    [JsonPropertyName("Filters")]
    public Filter[]? Filters { get; set; }

    [JsonPropertyName("Offset")]
    public long? Offset { get; set; }

    [JsonPropertyName("Limit")]
    public long? Limit { get; set; }

    /// <summary><c>CreatedTime</c> or <c>PeeringConnectionName</c>.</summary>
    [JsonPropertyName("OrderField")]
    public string? OrderField { get; set; }

    /// <summary><c>ASC</c> or <c>DESC</c>.</summary>
    [JsonPropertyName("OrderDirection")]
    public string? OrderDirection { get; set; }
}
