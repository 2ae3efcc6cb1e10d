using System.Text.Json;
using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Models;

public sealed class VpcAndSubnetModelTests
{
    // Official DescribeVpcs output (tagged-VPC example), with a secondary CIDR.
    private const string DescribeVpcsResponseExample = """
        {
            "Response": {
                "VpcSet": [
                    {
                        "Ipv6CidrBlockSet": [{"IPv6CidrBlock": "2402:4e00:1717:8200::/56", "ISPType": "BGP"}],
                        "VpcId": "vpc-p5sf61yj",
                        "VpcName": "测试dhcp",
                        "CidrBlock": "10.0.0.0/16",
                        "Ipv6CidrBlock": "3402:4e00:20:1200::/56",
                        "IsDefault": false,
                        "EnableDhcp": true,
                        "EnableRouteVpcPublish": false,
                        "EnableMulticast": false,
                        "CreatedTime": "2018-04-25 10:26:26",
                        "DhcpOptionsId": "dopt-8g7k5qfq",
                        "DnsServerSet": ["10.0.0.1", "183.60.82.98"],
                        "TagSet": [{"Key": "city", "Value": "shanghai"}],
                        "AssistantCidrSet": [{"CidrBlock": "192.168.1.0/24", "AssistantType": 0, "SubnetSet": [], "VpcId": "vpc-p5sf61yj"}],
                        "DomainName": "aa.bb.cc"
                    }
                ],
                "TotalCount": 1,
                "RequestId": "6a44afb7-0644-4ff9-9761-3502f99d3a15"
            }
        }
        """;

    // Official DescribeSubnets output.
    private const string DescribeSubnetsResponseExample = """
        {
            "Response": {
                "SubnetSet": [
                    {
                        "NetworkAclId": "",
                        "RouteTableId": "rtb-n0yr460a",
                        "VpcId": "vpc-n0yr460a",
                        "EnableBroadcast": false,
                        "Zone": "ap-guangzhou",
                        "Ipv6CidrBlock": "",
                        "AvailableIpAddressCount": 1,
                        "IsRemoteVpcSnat": false,
                        "SubnetName": "子网1",
                        "TotalIpAddressCount": 1,
                        "IsCdcSubnet": 0,
                        "CdcId": "cluster-1234dert",
                        "TagSet": [{"Value": "ck", "Key": "kc"}],
                        "CreatedTime": "2020-05-25 20:09:07",
                        "SubnetId": "subnet-bthucmmy",
                        "CidrBlock": "10.0.0.0/16",
                        "IsDefault": true
                    }
                ],
                "TotalCount": 1,
                "RequestId": "cccb2665-5d02-4d87-b9e7-757bb06e5beb"
            }
        }
        """;

    [Fact]
    public void DescribeVpcs_request_round_trips_the_official_example_with_string_paging()
    {
        const string example = """{"Limit":"2","Filters":[{"Values":["192.168.0.0","10.0.0.0"],"Name":"cidr-block"},{"Values":["false"],"Name":"is-default"}],"Offset":"0"}""";

        var request = ModelJson.Parse<DescribeVpcsRequest>(example);
        var written = ModelJson.Write(request);

        Assert.Equal("2", request.Limit);
        Assert.Equal(["192.168.0.0", "10.0.0.0"], request.Filters![0].Values!);
        ModelJson.AssertSameJson(example, written);
        Assert.Equal(JsonValueKind.String, ModelJson.KindAt(written, "Limit"));
        Assert.Equal(JsonValueKind.String, ModelJson.KindAt(written, "Offset"));
        Assert.Equal("""{"VpcIds":["vpc-alpha001"]}""", ModelJson.Write(new DescribeVpcsRequest { VpcIds = ["vpc-alpha001"] }));
    }

    [Fact]
    public void DescribeVpcs_response_round_trips_the_official_example_including_assistant_cidrs()
    {
        var response = ModelJson.ParseResponse<DescribeVpcsResponse>(DescribeVpcsResponseExample);

        Assert.Equal(1UL, response.TotalCount);
        var vpc = Assert.Single(response.VpcSet!);
        Assert.Equal("vpc-p5sf61yj", vpc.VpcId);
        Assert.Equal("测试dhcp", vpc.VpcName);
        Assert.Equal("10.0.0.0/16", vpc.CidrBlock);
        Assert.False(vpc.IsDefault);
        Assert.True(vpc.EnableDhcp);
        Assert.Equal(["10.0.0.1", "183.60.82.98"], vpc.DnsServerSet!);
        Assert.Equal("aa.bb.cc", vpc.DomainName);
        Assert.Equal("BGP", Assert.Single(vpc.Ipv6CidrBlockSet!).ISPType);
        var assistant = Assert.Single(vpc.AssistantCidrSet!);
        Assert.Equal("192.168.1.0/24", assistant.CidrBlock);
        Assert.Equal(0L, assistant.AssistantType);
        Assert.Equal("vpc-p5sf61yj", assistant.VpcId);
        Assert.Empty(assistant.SubnetSet!);
        Assert.Null(vpc.EnableRouteVpcPublishIpv6);

        ModelJson.AssertSameJson(ModelJson.Inner(DescribeVpcsResponseExample), ModelJson.Write(response));
    }

    [Fact]
    public void DescribeSubnets_request_round_trips_with_string_paging_and_token_paging()
    {
        const string example = """{"SubnetIds":["subnet-alphaweb"],"Offset":"0","Limit":"100"}""";

        var written = ModelJson.Write(ModelJson.Parse<DescribeSubnetsRequest>(example));

        ModelJson.AssertSameJson(example, written);
        Assert.Equal(JsonValueKind.String, ModelJson.KindAt(written, "Limit"));
        Assert.Equal(
            """{"Filters":[{"Name":"vpc-id","Values":["vpc-alpha001"]}],"MaxResults":100,"NextToken":"tok"}""",
            ModelJson.Write(new DescribeSubnetsRequest { Filters = [new Filter { Name = "vpc-id", Values = ["vpc-alpha001"] }], MaxResults = 100, NextToken = "tok" }));
    }

    [Fact]
    public void DescribeSubnets_response_round_trips_the_official_example()
    {
        var response = ModelJson.ParseResponse<DescribeSubnetsResponse>(DescribeSubnetsResponseExample);

        Assert.Equal(1UL, response.TotalCount);
        Assert.Null(response.NextToken);
        var subnet = Assert.Single(response.SubnetSet!);
        Assert.Equal("subnet-bthucmmy", subnet.SubnetId);
        Assert.Equal("rtb-n0yr460a", subnet.RouteTableId);
        Assert.Equal("vpc-n0yr460a", subnet.VpcId);
        Assert.Equal("子网1", subnet.SubnetName);
        Assert.Equal("10.0.0.0/16", subnet.CidrBlock);
        Assert.True(subnet.IsDefault);
        Assert.Equal(1UL, subnet.AvailableIpAddressCount);
        Assert.Equal(1UL, subnet.TotalIpAddressCount);
        Assert.Equal(0L, subnet.IsCdcSubnet);
        Assert.Equal("ap-guangzhou", subnet.Zone);

        ModelJson.AssertSameJson(ModelJson.Inner(DescribeSubnetsResponseExample), ModelJson.Write(response));
    }
}
