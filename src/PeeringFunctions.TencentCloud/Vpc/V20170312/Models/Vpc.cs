using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A VPC as returned by DescribeVpcs.</summary>
public sealed class Vpc
{
    [JsonPropertyName("VpcName")]
    public string? VpcName { get; set; }

    [JsonPropertyName("VpcId")]
    public string? VpcId { get; set; }

    /// <summary>Primary IPv4 CIDR.</summary>
    [JsonPropertyName("CidrBlock")]
    public string? CidrBlock { get; set; }

    [JsonPropertyName("IsDefault")]
    public bool? IsDefault { get; set; }

    [JsonPropertyName("EnableMulticast")]
    public bool? EnableMulticast { get; set; }

    [JsonPropertyName("CreatedTime")]
    public string? CreatedTime { get; set; }

    [JsonPropertyName("DnsServerSet")]
    public string[]? DnsServerSet { get; set; }

    [JsonPropertyName("DomainName")]
    public string? DomainName { get; set; }

    [JsonPropertyName("DhcpOptionsId")]
    public string? DhcpOptionsId { get; set; }

    [JsonPropertyName("EnableDhcp")]
    public bool? EnableDhcp { get; set; }

    [JsonPropertyName("Ipv6CidrBlock")]
    public string? Ipv6CidrBlock { get; set; }

    [JsonPropertyName("TagSet")]
    public Tag[]? TagSet { get; set; }

    /// <summary>Secondary CIDRs.</summary>
    [JsonPropertyName("AssistantCidrSet")]
    public AssistantCidr[]? AssistantCidrSet { get; set; }

    [JsonPropertyName("EnableRouteVpcPublish")]
    public bool? EnableRouteVpcPublish { get; set; }

    [JsonPropertyName("Ipv6CidrBlockSet")]
    public ISPIPv6CidrBlock[]? Ipv6CidrBlockSet { get; set; }

    [JsonPropertyName("EnableRouteVpcPublishIpv6")]
    public bool? EnableRouteVpcPublishIpv6 { get; set; }
}
