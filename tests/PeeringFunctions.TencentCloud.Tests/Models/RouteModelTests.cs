using System.Text.Json;
using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Models;

public sealed class RouteModelTests
{
    // Official CreateRoutes output (spec §4.9).
    private const string CreateRoutesResponseExample = """
        {
            "Response": {
                "TotalCount": 1,
                "RouteTableSet": [
                    {
                        "RouteSet": [
                            {
                                "CreatedTime": "2020-09-22 00:00:00",
                                "DestinationCidrBlock": "192.168.0.0/16",
                                "RouteTableId": "rtb-n0yejvje",
                                "RouteItemId": "rti-psm73tvu",
                                "RouteDescription": "demo",
                                "Enabled": true,
                                "RouteId": 1,
                                "GatewayType": "NORMAL_CVM",
                                "GatewayId": "172.16.16.37",
                                "RouteType": "USER",
                                "DestinationIpv6CidrBlock": "",
                                "PublishedToVbc": false
                            }
                        ],
                        "RouteTableId": "rtb-n0yejvje",
                        "VpcId": "vpc-4cugx77a",
                        "RouteTableName": "demo",
                        "TagSet": [{"Value": "env", "Key": "prod"}],
                        "CreatedTime": "2020-09-22 00:00:00",
                        "AssociationSet": [{"SubnetId": "subnet-1234derf", "RouteTableId": "rtb-n0yejvje"}],
                        "Main": false,
                        "LocalCidrForCcn": [{"Cidr": "10.0.0.0/16", "PublishedToVbc": true}]
                    }
                ],
                "RequestId": "a949ecd8-a223-4b96-8537-a8a68a5ba47a"
            }
        }
        """;

    // Official DescribeRouteTables output with a next-hop type this library has never heard of.
    private const string DescribeRouteTablesResponseExample = """
        {
            "Response": {
                "RouteTableSet": [
                    {
                        "VpcId": "vpc-2at5y1pn",
                        "RouteTableId": "rtb-l2h8d7c2",
                        "RouteTableName": "RouteTable",
                        "AssociationSet": [],
                        "RouteSet": [
                            {
                                "RouteTableId": "rtb-l2h8d7c2",
                                "RouteId": 14915,
                                "RouteItemId": "rti-12345678",
                                "DestinationCidrBlock": "169.254.64.0/23",
                                "DestinationIpv6CidrBlock": "",
                                "GatewayType": "SOME_FUTURE_TYPE",
                                "GatewayId": "future-12345678",
                                "RouteDescription": "",
                                "CreatedTime": "2017-06-30 19:52:03",
                                "RouteType": "USER",
                                "Enabled": true,
                                "PublishedToVbc": false
                            },
                            {
                                "RouteTableId": "rtb-l2h8d7c2",
                                "RouteId": 18446744073709551615,
                                "RouteItemId": "rti-pcx00001",
                                "DestinationCidrBlock": "172.16.0.0/16",
                                "GatewayType": "PEERCONNECTION",
                                "GatewayId": "pcx-test6789",
                                "RouteType": "USER",
                                "Enabled": true
                            }
                        ],
                        "Main": true,
                        "TagSet": [{"Key": "city", "Value": "shanghai"}],
                        "LocalCidrForCcn": [{"Cidr": "10.1.0.0/16", "PublishedToVbc": true}],
                        "CreatedTime": "2017-06-30 19:52:03"
                    }
                ],
                "TotalCount": 1,
                "RequestId": "74883e1b-5901-46de-ae1e-d6e2cf591c5b"
            }
        }
        """;

    [Fact]
    public void CreateRoutes_request_sends_a_peering_route_with_Tencent_field_names()
    {
        var request = new CreateRoutesRequest
        {
            RouteTableId = "rtb-alphapcx",
            Routes =
            [
                new Route
                {
                    DestinationCidrBlock = "172.16.0.0/16",
                    GatewayType = GatewayTypes.PeerConnection,
                    GatewayId = "pcx-test6789",
                    RouteDescription = "peer beta",
                    Enabled = true,
                },
            ],
        };

        var written = ModelJson.Write(request);

        Assert.Equal(
            """{"RouteTableId":"rtb-alphapcx","Routes":[{"DestinationCidrBlock":"172.16.0.0/16","GatewayType":"PEERCONNECTION","GatewayId":"pcx-test6789","RouteDescription":"peer beta","Enabled":true}]}""",
            written);
        var parsed = ModelJson.Parse<CreateRoutesRequest>(written);
        Assert.Equal("PEERCONNECTION", parsed.Routes![0].GatewayType);
    }

    // Official ReplaceRoutes output (the CLI's example 1): the route keeps its ids, its destination and next hop change.
    private const string ReplaceRoutesResponseExample = """
        {
            "Response": {
                "NewRouteSet": [
                    {
                        "RouteTableId": "rtb-n0yejvje", "RouteId": 10262, "RouteItemId": "rti-hj3he929", "RouteType": "USER",
                        "DestinationCidrBlock": "192.168.0.0/16", "DestinationIpv6CidrBlock": "", "RouteDescription": "demo",
                        "GatewayType": "NORMAL_CVM", "GatewayId": "172.16.16.37", "Enabled": true, "PublishedToVbc": true,
                        "CreatedTime": "2018-10-10 17:10:09"
                    }
                ],
                "OldRouteSet": [
                    {
                        "RouteTableId": "rtb-n0yejvje", "RouteId": 10262, "RouteItemId": "rti-hj3he929", "RouteType": "USER",
                        "DestinationCidrBlock": "172.16.1.0/24", "DestinationIpv6CidrBlock": "", "RouteDescription": "",
                        "GatewayType": "NORMAL_CVM", "GatewayId": "10.0.0.10", "Enabled": true, "PublishedToVbc": true,
                        "CreatedTime": "2018-10-10 17:03:09"
                    }
                ],
                "RequestId": "3f934a21-2786-44af-a421-38ee6c6e1fae"
            }
        }
        """;

    [Fact]
    public void ReplaceRoutes_response_reads_the_official_example_as_the_old_and_new_route()
    {
        var response = ModelJson.ParseResponse<ReplaceRoutesResponse>(ReplaceRoutesResponseExample);

        var old = Assert.Single(response.OldRouteSet!);
        var now = Assert.Single(response.NewRouteSet!);
        Assert.Equal(10262UL, old.RouteId);
        Assert.Equal(old.RouteId, now.RouteId);
        Assert.Equal("rti-hj3he929", now.RouteItemId);
        Assert.Equal("172.16.1.0/24", old.DestinationCidrBlock);
        Assert.Equal("192.168.0.0/16", now.DestinationCidrBlock);
        Assert.Equal("172.16.16.37", now.GatewayId);
        Assert.Equal("3f934a21-2786-44af-a421-38ee6c6e1fae", response.RequestId);
    }

    [Fact]
    public void CreateRoutes_response_round_trips_the_official_example()
    {
        var response = ModelJson.ParseResponse<CreateRoutesResponse>(CreateRoutesResponseExample);

        Assert.Equal(1UL, response.TotalCount);
        Assert.Equal("a949ecd8-a223-4b96-8537-a8a68a5ba47a", response.RequestId);
        var table = Assert.Single(response.RouteTableSet!);
        Assert.Equal("rtb-n0yejvje", table.RouteTableId);
        Assert.Equal("vpc-4cugx77a", table.VpcId);
        Assert.Equal("demo", table.RouteTableName);
        Assert.False(table.Main);
        Assert.Equal("subnet-1234derf", Assert.Single(table.AssociationSet!).SubnetId);
        Assert.Equal("prod", Assert.Single(table.TagSet!).Key);
        var ccn = Assert.Single(table.LocalCidrForCcn!);
        Assert.Equal("10.0.0.0/16", ccn.Cidr);
        Assert.True(ccn.PublishedToVbc);
        var route = Assert.Single(table.RouteSet!);
        Assert.Equal("rti-psm73tvu", route.RouteItemId);
        Assert.Equal(1UL, route.RouteId);
        Assert.Equal(RouteTypes.User, route.RouteType);
        Assert.True(route.Enabled);
        Assert.Equal(GatewayTypes.NormalCvm, route.GatewayType);
        Assert.Equal("172.16.16.37", route.GatewayId);
        Assert.Equal("192.168.0.0/16", route.DestinationCidrBlock);
        Assert.Equal(string.Empty, route.DestinationIpv6CidrBlock);
        Assert.False(route.PublishedToVbc);

        var written = ModelJson.Write(response);
        ModelJson.AssertSameJson(ModelJson.Inner(CreateRoutesResponseExample), written);
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "RouteTableSet", 0, "RouteSet", 0, "RouteId"));
    }

    [Fact]
    public void DeleteRoutes_request_and_response_round_trip_the_official_example()
    {
        const string route = """{"RouteId":1,"DestinationCidrBlock":"192.241.0.0/24","GatewayType":"EIP","GatewayId":"vpc-pymolayx","RouteDescription":"TEST","Enabled":true,"RouteType":"USER","RouteTableId":"rtb-n0yejvje","DestinationIpv6CidrBlock":"201::/16","RouteItemId":"rti-pbta2ruf","PublishedToVbc":true,"CreatedTime":"2020-09-22 00:00:00"}""";
        var requestJson = $$"""{"RouteTableId":"rtb-n0yejvje","Routes":[{{route}}]}""";
        var responseJson = $$$"""{"Response":{"RouteSet":[{{{route}}}],"RequestId":"10098418-f013-4d3e-855b-e086f0544b44"}}""";

        var request = ModelJson.Parse<DeleteRoutesRequest>(requestJson);
        var response = ModelJson.ParseResponse<DeleteRoutesResponse>(responseJson);

        Assert.Equal("rtb-n0yejvje", request.RouteTableId);
        Assert.Equal("rti-pbta2ruf", request.Routes![0].RouteItemId);
        Assert.Equal(1UL, response.RouteSet![0].RouteId);
        Assert.Equal("10098418-f013-4d3e-855b-e086f0544b44", response.RequestId);
        ModelJson.AssertSameJson(requestJson, ModelJson.Write(request));
        ModelJson.AssertSameJson(ModelJson.Inner(responseJson), ModelJson.Write(response));
    }

    [Fact]
    public void DeleteRoutes_by_route_item_id_sends_nothing_else()
    {
        var written = ModelJson.Write(new DeleteRoutesRequest { RouteTableId = "rtb-n0yejvje", Routes = [new Route { RouteItemId = "rti-hj3he929" }] });

        Assert.Equal("""{"RouteTableId":"rtb-n0yejvje","Routes":[{"RouteItemId":"rti-hj3he929"}]}""", written);
    }

    [Fact]
    public void DescribeRouteTables_request_sends_offset_and_limit_as_strings()
    {
        const string example = """{"Limit":"1","Filters":[{"Values":["vpc-2at5y1pn"],"Name":"vpc-id"},{"Values":["rtb-l2h8d7c2"],"Name":"route-table-id"},{"Values":["true"],"Name":"association.main"},{"Values":["TestRouteTable"],"Name":"route-table-name"}],"Offset":"0"}""";

        var request = ModelJson.Parse<DescribeRouteTablesRequest>(example);
        var written = ModelJson.Write(request);

        Assert.Equal("1", request.Limit);
        Assert.Equal("0", request.Offset);
        Assert.Equal("association.main", request.Filters![2].Name);
        ModelJson.AssertSameJson(example, written);
        Assert.Equal(JsonValueKind.String, ModelJson.KindAt(written, "Offset"));
        Assert.Equal(JsonValueKind.String, ModelJson.KindAt(written, "Limit"));
        Assert.Equal(
            """{"RouteTableIds":["rtb-alphapcx"],"NeedRouterInfo":false}""",
            ModelJson.Write(new DescribeRouteTablesRequest { RouteTableIds = ["rtb-alphapcx"], NeedRouterInfo = false }));
    }

    [Fact]
    public void DescribeRouteTables_response_keeps_an_unknown_gateway_type_and_a_full_uint64_route_id()
    {
        var response = ModelJson.ParseResponse<DescribeRouteTablesResponse>(DescribeRouteTablesResponseExample);

        Assert.Equal(1UL, response.TotalCount);
        var table = Assert.Single(response.RouteTableSet!);
        Assert.True(table.Main);
        Assert.Empty(table.AssociationSet!);
        Assert.Equal("SOME_FUTURE_TYPE", table.RouteSet![0].GatewayType);
        Assert.Equal(14915UL, table.RouteSet[0].RouteId);
        Assert.Equal(ulong.MaxValue, table.RouteSet[1].RouteId);
        Assert.Equal(GatewayTypes.PeerConnection, table.RouteSet[1].GatewayType);
        Assert.Null(table.RouteSet[1].PublishedToVbc);

        ModelJson.AssertSameJson(ModelJson.Inner(DescribeRouteTablesResponseExample), ModelJson.Write(response));
    }

    [Fact]
    public void ReplaceRouteTableAssociation_round_trips_the_official_example()
    {
        var written = ModelJson.Write(new ReplaceRouteTableAssociationRequest { RouteTableId = "rtb-n0yejvje", SubnetId = "subnet-q2079ils" });
        var response = ModelJson.ParseResponse<ReplaceRouteTableAssociationResponse>("""{"Response":{"RequestId":"354f4ac3-8546-4516-8c8a-69e3ab73aa8a"}}""");

        Assert.Equal("""{"RouteTableId":"rtb-n0yejvje","SubnetId":"subnet-q2079ils"}""", written);
        Assert.Equal("subnet-q2079ils", ModelJson.Parse<ReplaceRouteTableAssociationRequest>(written).SubnetId);
        Assert.Equal("354f4ac3-8546-4516-8c8a-69e3ab73aa8a", response.RequestId);
    }

    [Fact]
    public void Route_type_constants_hold_Tencent_values()
    {
        Assert.Equal(["USER", "NETD", "CCN"], [RouteTypes.User, RouteTypes.Netd, RouteTypes.Ccn]);
        Assert.Equal("PEERCONNECTION", GatewayTypes.PeerConnection);
    }
}
