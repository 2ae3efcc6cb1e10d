using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A route table.</summary>
public sealed class RouteTable
{
    [JsonPropertyName("VpcId")]
    public string? VpcId { get; set; }

    [JsonPropertyName("RouteTableId")]
    public string? RouteTableId { get; set; }

    [JsonPropertyName("RouteTableName")]
    public string? RouteTableName { get; set; }

    /// <summary>Subnets associated with this table.</summary>
    [JsonPropertyName("AssociationSet")]
    public RouteTableAssociation[]? AssociationSet { get; set; }

    [JsonPropertyName("RouteSet")]
    public Route[]? RouteSet { get; set; }

    /// <summary>True for the VPC's default route table.</summary>
    [JsonPropertyName("Main")]
    public bool? Main { get; set; }

    [JsonPropertyName("CreatedTime")]
    public string? CreatedTime { get; set; }

    [JsonPropertyName("TagSet")]
    public Tag[]? TagSet { get; set; }

    [JsonPropertyName("LocalCidrForCcn")]
    public CidrForCcn[]? LocalCidrForCcn { get; set; }
}
