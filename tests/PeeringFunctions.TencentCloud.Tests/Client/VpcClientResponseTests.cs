using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Client;

public sealed class VpcClientResponseTests
{
    [Fact]
    public async Task Describe_peerings_through_the_client_exposes_long_region_names_and_integer_uins()
    {
        var handler = CapturingHandler.RespondingJson(
            """{"Response":{"PeerConnectionSet":[{"PeeringConnectionId":"pcx-test6789","SourceRegion":"gz","DestinationRegion":"sh","DestinationUin":100002840663,"State":"PENDING","Type":"VPC0"}],"TotalCount":1,"RequestId":"req-9"}}""");

        var response = await ClientFactory.Create(handler).DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            PeeringConnectionIds = ["pcx-test6789"],
        });

        var peering = Assert.Single(response.PeerConnectionSet!);
        Assert.Equal("req-9", response.RequestId);
        Assert.Equal("ap-guangzhou", peering.SourceRegion);
        Assert.Equal("ap-shanghai", peering.DestinationRegion);
        Assert.Equal(100002840663L, peering.DestinationUin);
        Assert.Equal(PeeringConnectionStates.Pending, peering.State);
    }

    [Fact]
    public async Task CreateRoutes_through_the_client_returns_the_new_route_id()
    {
        var handler = CapturingHandler.RespondingJson(
            """{"Response":{"TotalCount":1,"RouteTableSet":[{"RouteTableId":"rtb-n0yejvje","RouteSet":[{"RouteId":1,"RouteItemId":"rti-psm73tvu","RouteType":"USER","Enabled":true}]}],"RequestId":"a949ecd8"}}""");

        var response = await ClientFactory.Create(handler).CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = "rtb-n0yejvje",
            Routes = [new Route { DestinationCidrBlock = "192.168.0.0/16", GatewayType = GatewayTypes.NormalCvm, GatewayId = "172.16.16.37", RouteDescription = "demo" }],
        });

        var route = Assert.Single(Assert.Single(response.RouteTableSet!).RouteSet!);
        Assert.Equal(1UL, route.RouteId);
        Assert.Equal("rti-psm73tvu", route.RouteItemId);
        Assert.Equal(
            """{"RouteTableId":"rtb-n0yejvje","Routes":[{"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"172.16.16.37","RouteDescription":"demo"}]}""",
            handler.Single.BodyText);
    }
}
