using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of CreateVpcPeeringConnection.</summary>
public sealed class CreateVpcPeeringConnectionResponse : IResponseWithRequestId
{
    /// <summary>The new <c>pcx-…</c> ID.</summary>
    [JsonPropertyName("PeeringConnectionId")]
    public string? PeeringConnectionId { get; set; }

    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
