using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of CreateRoutes: the table with only the newly created routes.</summary>
public sealed class CreateRoutesResponse : IResponseWithRequestId
{
    /// <summary>Number of routes added.</summary>
    [JsonPropertyName("TotalCount")]
    public ulong? TotalCount { get; set; }

    [JsonPropertyName("RouteTableSet")]
    public RouteTable[]? RouteTableSet { get; set; }

    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
