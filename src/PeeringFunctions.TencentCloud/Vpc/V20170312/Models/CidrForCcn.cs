using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A local CIDR of a route table as published to CCN.</summary>
public sealed class CidrForCcn
{
    [JsonPropertyName("Cidr")]
    public string? Cidr { get; set; }

    [JsonPropertyName("PublishedToVbc")]
    public bool? PublishedToVbc { get; set; }
}
