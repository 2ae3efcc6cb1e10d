using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>An IPv6 CIDR block of a VPC with its ISP.</summary>
public sealed class ISPIPv6CidrBlock
{
    [JsonPropertyName("IPv6CidrBlock")]
    public string? IPv6CidrBlock { get; set; }

    [JsonPropertyName("ISPType")]
    public string? ISPType { get; set; }

    [JsonPropertyName("AddressType")]
    public string? AddressType { get; set; }
}
