using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of ReplaceRoutes: each replaced route as it was and as it is now.</summary>
public sealed class ReplaceRoutesResponse : IResponseWithRequestId
{
    [JsonPropertyName("OldRouteSet")]
    public Route[]? OldRouteSet { get; set; }

    [JsonPropertyName("NewRouteSet")]
    public Route[]? NewRouteSet { get; set; }

    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
