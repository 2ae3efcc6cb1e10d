using System.Text.Json.Serialization;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Output of ModifyVpcPeeringConnection: nothing but the RequestId; read the peering back to see the change.</summary>
public sealed class ModifyVpcPeeringConnectionResponse : IResponseWithRequestId
{
    /// <summary>Tencent's request ID; quote it in support tickets.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }
}
