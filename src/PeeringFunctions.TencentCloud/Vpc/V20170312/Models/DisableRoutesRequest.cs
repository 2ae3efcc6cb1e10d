using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Input of DisableRoutes: turns routes off without deleting them. Name them by RouteIds or by RouteItemIds, not both.</summary>
public sealed class DisableRoutesRequest
{
    /// <summary>Required.</summary>
    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    /// <summary>Legacy numeric ids (at most 100); not together with <see cref="RouteItemIds"/>.</summary>
    [JsonPropertyName("RouteIds")]
    public ulong[]? RouteIds { get; set; }

    /// <summary>Unique ids <c>rti-…</c> (at most 100); not together with <see cref="RouteIds"/>.</summary>
    [JsonPropertyName("RouteItemIds")]
    public string[]? RouteItemIds { get; set; }
}
