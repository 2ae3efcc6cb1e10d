using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of DeleteRoutes.</summary>
public sealed class DeleteRoutesResponse : IResponseWithRequestId
{
    /// <summary>The deleted routes.</summary>
    [JsonPropertyName("RouteSet")]
    public Route[]? RouteSet { get; set; }

    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
