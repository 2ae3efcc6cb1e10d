using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A Describe filter: several filters are ANDed, several values of one filter are ORed.</summary>
public sealed class Filter
{
    /// <summary>Filter name, e.g. <c>vpc-id</c>, <c>state</c>, <c>route-table-id</c>.</summary>
    [JsonPropertyName("Name")]
    public string? Name { get; set; }

    /// <summary>Booleans are passed as strings (<c>"TRUE"</c>/<c>"FALSE"</c>).</summary>
    [JsonPropertyName("Values")]
    public string[]? Values { get; set; }
}
