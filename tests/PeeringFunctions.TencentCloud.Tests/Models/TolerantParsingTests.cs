using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Models;

public sealed class TolerantParsingTests
{
    [Fact]
    public void Absent_and_null_fields_parse_as_null()
    {
        var response = ModelJson.ParseResponse<DescribeVpcPeeringConnectionsResponse>(
            """{"Response":{"PeerConnectionSet":[{"PeeringConnectionId":"pcx-1","SourceRegion":null,"DestinationUin":null,"TagSet":null}],"TotalCount":null,"RequestId":"r"}}""");

        var peering = Assert.Single(response.PeerConnectionSet!);
        Assert.Null(response.TotalCount);
        Assert.Null(peering.SourceRegion);
        Assert.Null(peering.DestinationUin);
        Assert.Null(peering.TagSet);
        Assert.Null(peering.State);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var response = ModelJson.ParseResponse<DescribeRouteTablesResponse>(
            """{"Response":{"BrandNewField":{"a":[1,2]},"RouteTableSet":[{"RouteTableId":"rtb-1","FutureFlag":true,"RouteSet":[{"RouteId":3,"Extra":"x"}]}],"TotalCount":1,"RequestId":"r"}}""");

        Assert.Equal(3UL, response.RouteTableSet![0].RouteSet![0].RouteId);
    }

    [Fact]
    public void Numbers_sent_as_strings_and_strings_sent_as_numbers_still_parse()
    {
        var peering = ModelJson.Parse<PeerConnection>(
            """{"DestinationUin":"100002840663","Bandwidth":"10","QosLevel":0,"PeeringConnectionName":12345,"IsNgw":"false"}""");

        Assert.Equal(100002840663L, peering.DestinationUin);
        Assert.Equal(10L, peering.Bandwidth);
        Assert.Equal("0", peering.QosLevel);
        Assert.Equal("12345", peering.PeeringConnectionName);
        Assert.False(peering.IsNgw);
    }

    [Fact]
    public void Empty_response_object_parses_to_empty_model()
    {
        var response = ModelJson.ParseResponse<DescribeSubnetsResponse>("""{"Response":{}}""");

        Assert.Null(response.SubnetSet);
        Assert.Null(response.RequestId);
    }
}
