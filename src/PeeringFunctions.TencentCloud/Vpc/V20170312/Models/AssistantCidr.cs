using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A secondary ("assistant") CIDR of a VPC; include these when checking CIDR overlap.</summary>
public sealed class AssistantCidr
{
    [JsonPropertyName("VpcId")]
    public string? VpcId { get; set; }

    [JsonPropertyName("CidrBlock")]
    public string? CidrBlock { get; set; }

    /// <summary>0 = ordinary secondary CIDR, 1 = container secondary CIDR.</summary>
    [JsonPropertyName("AssistantType")]
    public long? AssistantType { get; set; }

    /// <summary>Subnets carved from this CIDR; may be null.</summary>
    [JsonPropertyName("SubnetSet")]
    public Subnet[]? SubnetSet { get; set; }
}
