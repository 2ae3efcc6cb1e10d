using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A subnet as returned by DescribeSubnets.</summary>
public sealed class Subnet
{
    [JsonPropertyName("VpcId")]
    public string? VpcId { get; set; }

    [JsonPropertyName("SubnetId")]
    public string? SubnetId { get; set; }

    [JsonPropertyName("SubnetName")]
    public string? SubnetName { get; set; }

    [JsonPropertyName("CidrBlock")]
    public string? CidrBlock { get; set; }

    [JsonPropertyName("IsDefault")]
    public bool? IsDefault { get; set; }

    [JsonPropertyName("EnableBroadcast")]
    public bool? EnableBroadcast { get; set; }

    [JsonPropertyName("Zone")]
    public string? Zone { get; set; }

    /// <summary>The route table this subnet is associated with.</summary>
    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    [JsonPropertyName("CreatedTime")]
    public string? CreatedTime { get; set; }

    [JsonPropertyName("AvailableIpAddressCount")]
    public ulong? AvailableIpAddressCount { get; set; }

    [JsonPropertyName("Ipv6CidrBlock")]
    public string? Ipv6CidrBlock { get; set; }

    [JsonPropertyName("NetworkAclId")]
    public string? NetworkAclId { get; set; }

    [JsonPropertyName("IsRemoteVpcSnat")]
    public bool? IsRemoteVpcSnat { get; set; }

    [JsonPropertyName("TotalIpAddressCount")]
    public ulong? TotalIpAddressCount { get; set; }

    [JsonPropertyName("TagSet")]
    public Tag[]? TagSet { get; set; }

    [JsonPropertyName("CdcId")]
    public string? CdcId { get; set; }

    /// <summary>0 or 1.</summary>
    [JsonPropertyName("IsCdcSubnet")]
    public long? IsCdcSubnet { get; set; }
}
