using System.Text.Json;
using System.Text.Json.Nodes;
using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Models;

public sealed class PeeringModelTests
{
    // Official request example of CreateVpcPeeringConnection (spec §4.1).
    private const string CreateRequestExample =
        """{"PeeringConnectionName":"研发测试使用","DestinationUin":"100002840663","ChargeType":"POSTPAID_BY_DAY_MAX","SourceVpcId":"vpc-938r310k","Bandwidth":0,"DestinationVpcId":"vpc-938r310k","QosLevel":"AU","Type":"VPC_BM_PEER","DestinationRegion":"ap-guangzhou"}""";

    // Official DescribeVpcPeeringConnections output, with the UIN of the spec's example account.
    private const string DescribeResponseExample = """
        {
            "Response": {
                "PeerConnectionSet": [
                    {
                        "AppId": 1000001,
                        "SourceUin": 1000001234,
                        "SourceRegion": "gz",
                        "SourceVpcId": "vpc-test1234",
                        "PeerAppId": 1000001,
                        "DestinationUin": 100002840663,
                        "DestinationRegion": "sh",
                        "PeerVpcId": "vpc-test4567",
                        "DestinationVpcId": "vpc-test4567",
                        "PeeringConnectionId": "pcx-test6789",
                        "PeeringConnectionName": "测试用",
                        "IsNgw": false,
                        "CreateTime": "2024-11-14 11:58:54",
                        "Bandwidth": 0,
                        "Type": "VPC0",
                        "State": "ACTIVE",
                        "TagSet": [],
                        "ChargeType": "POSTPAID_BY_DAY_MAX",
                        "QosLevel": ""
                    }
                ],
                "TotalCount": 1,
                "RequestId": "65def86e-3408-4bce-b520-37c12559b082"
            }
        }
        """;

    [Fact]
    public void Create_request_round_trips_the_official_example()
    {
        var request = ModelJson.Parse<CreateVpcPeeringConnectionRequest>(CreateRequestExample);

        Assert.Equal("vpc-938r310k", request.SourceVpcId);
        Assert.Equal("研发测试使用", request.PeeringConnectionName);
        Assert.Equal("vpc-938r310k", request.DestinationVpcId);
        Assert.Equal("100002840663", request.DestinationUin);
        Assert.Equal("ap-guangzhou", request.DestinationRegion);
        Assert.Equal(0L, request.Bandwidth);
        Assert.Equal(PeeringConnectionTypes.VpcBmPeer, request.Type);
        Assert.Equal(PeeringChargeTypes.PostpaidByDayMax, request.ChargeType);
        Assert.Equal("AU", request.QosLevel);
        Assert.Null(request.Tags);

        var written = ModelJson.Write(request);
        ModelJson.AssertSameJson(CreateRequestExample, written);
        Assert.Equal(JsonValueKind.String, ModelJson.KindAt(written, "DestinationUin"));
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "Bandwidth"));
        Assert.DoesNotContain("Tags", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_request_sends_tags_as_key_value_objects()
    {
        var written = ModelJson.Write(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = "vpc-alpha001",
            Tags = [new Tag { Key = "owner", Value = "peering" }],
        });

        Assert.Equal("""{"SourceVpcId":"vpc-alpha001","Tags":[{"Key":"owner","Value":"peering"}]}""", written);
    }

    [Fact]
    public void Create_response_round_trips_the_official_example()
    {
        const string example = """{"Response":{"PeeringConnectionId":"pcx-qweq4567","RequestId":"3477a917-5c3f-4554-942f-7c9b1d049d1d"}}""";

        var response = ModelJson.ParseResponse<CreateVpcPeeringConnectionResponse>(example);

        Assert.Equal("pcx-qweq4567", response.PeeringConnectionId);
        Assert.Equal("3477a917-5c3f-4554-942f-7c9b1d049d1d", response.RequestId);
        ModelJson.AssertSameJson(ModelJson.Inner(example), ModelJson.Write(response));
    }

    [Fact]
    public void Accept_reject_and_delete_requests_carry_only_the_peering_id()
    {
        const string expected = """{"PeeringConnectionId":"pcx-aw8hzt6c"}""";

        Assert.Equal(expected, ModelJson.Write(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-aw8hzt6c" }));
        Assert.Equal(expected, ModelJson.Write(new RejectVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-aw8hzt6c" }));
        Assert.Equal(expected, ModelJson.Write(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-aw8hzt6c" }));
        Assert.Equal("pcx-aw8hzt6c", ModelJson.Parse<AcceptVpcPeeringConnectionRequest>(expected).PeeringConnectionId);
    }

    [Fact]
    public void Accept_reject_and_delete_responses_carry_the_request_id()
    {
        const string example = """{"Response":{"RequestId":"e4008f6c-4bd9-42a7-9e6f-83043db431b2"}}""";

        Assert.Equal("e4008f6c-4bd9-42a7-9e6f-83043db431b2", ModelJson.ParseResponse<AcceptVpcPeeringConnectionResponse>(example).RequestId);
        Assert.Equal("e4008f6c-4bd9-42a7-9e6f-83043db431b2", ModelJson.ParseResponse<RejectVpcPeeringConnectionResponse>(example).RequestId);
        Assert.Equal("e4008f6c-4bd9-42a7-9e6f-83043db431b2", ModelJson.ParseResponse<DeleteVpcPeeringConnectionResponse>(example).RequestId);
    }

    [Fact]
    public void Describe_request_sends_offset_and_limit_as_integers()
    {
        var request = new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter { Name = "vpc-id", Values = ["vpc-alpha001"] }, new Filter { Name = "state", Values = [PeeringConnectionStates.Pending, PeeringConnectionStates.Active] }],
            Offset = 0,
            Limit = 100,
            OrderField = "CreatedTime",
            OrderDirection = "DESC",
        };

        var written = ModelJson.Write(request);

        Assert.Equal(
            """{"Filters":[{"Name":"vpc-id","Values":["vpc-alpha001"]},{"Name":"state","Values":["PENDING","ACTIVE"]}],"Offset":0,"Limit":100,"OrderField":"CreatedTime","OrderDirection":"DESC"}""",
            written);
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "Offset"));
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "Limit"));
        var parsed = ModelJson.Parse<DescribeVpcPeeringConnectionsRequest>(written);
        Assert.Equal(100L, parsed.Limit);
        Assert.Equal(["PENDING", "ACTIVE"], parsed.Filters![1].Values!);
    }

    [Fact]
    public void Describe_response_parses_the_official_example_with_long_region_names()
    {
        var response = ModelJson.ParseResponse<DescribeVpcPeeringConnectionsResponse>(DescribeResponseExample);

        Assert.Equal(1L, response.TotalCount);
        Assert.Equal("65def86e-3408-4bce-b520-37c12559b082", response.RequestId);
        var peering = Assert.Single(response.PeerConnectionSet!);
        Assert.Equal("pcx-test6789", peering.PeeringConnectionId);
        Assert.Equal("测试用", peering.PeeringConnectionName);
        Assert.Equal("vpc-test1234", peering.SourceVpcId);
        Assert.Equal("vpc-test4567", peering.PeerVpcId);
        Assert.Equal("vpc-test4567", peering.DestinationVpcId);
        Assert.Equal(PeeringConnectionStates.Active, peering.State);
        Assert.False(peering.IsNgw);
        Assert.Equal(0L, peering.Bandwidth);
        Assert.Equal("ap-guangzhou", peering.SourceRegion);
        Assert.Equal("ap-shanghai", peering.DestinationRegion);
        Assert.Equal("2024-11-14 11:58:54", peering.CreateTime);
        Assert.Equal(1000001L, peering.AppId);
        Assert.Equal(1000001L, peering.PeerAppId);
        Assert.Equal(1000001234L, peering.SourceUin);
        Assert.Equal(100002840663L, peering.DestinationUin);
        Assert.Empty(peering.TagSet!);
        Assert.Equal(PeeringChargeTypes.PostpaidByDayMax, peering.ChargeType);
        Assert.Equal(string.Empty, peering.QosLevel);
        Assert.Equal("VPC0", peering.Type);
    }

    [Fact]
    public void Describe_response_serializes_back_with_integer_uins_and_long_regions()
    {
        var response = ModelJson.ParseResponse<DescribeVpcPeeringConnectionsResponse>(DescribeResponseExample);

        var written = ModelJson.Write(response);

        // Identical to the example except the regions, which are deliberately exposed as long names.
        var expected = JsonNode.Parse(ModelJson.Inner(DescribeResponseExample))!;
        expected["PeerConnectionSet"]![0]!["SourceRegion"] = "ap-guangzhou";
        expected["PeerConnectionSet"]![0]!["DestinationRegion"] = "ap-shanghai";
        ModelJson.AssertSameJson(expected.ToJsonString(), written);
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "PeerConnectionSet", 0, "DestinationUin"));
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "PeerConnectionSet", 0, "SourceUin"));
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "PeerConnectionSet", 0, "AppId"));
        Assert.Equal(JsonValueKind.Number, ModelJson.KindAt(written, "TotalCount"));
    }

    [Fact]
    public void Unknown_region_codes_and_states_are_kept_as_received()
    {
        const string json = """{"SourceRegion":"xx-new","DestinationRegion":"ap-guangzhou","State":"SOME_FUTURE_STATE"}""";

        var peering = ModelJson.Parse<PeerConnection>(json);

        Assert.Equal("xx-new", peering.SourceRegion);
        Assert.Equal("ap-guangzhou", peering.DestinationRegion);
        Assert.Equal("SOME_FUTURE_STATE", peering.State);
    }

    [Fact]
    public void State_constants_cover_every_documented_state()
    {
        Assert.Equal(
            ["PENDING", "ACTIVE", "REJECTED", "DELETED", "FAILED", "EXPIRED", "ISOLATED"],
            [
                PeeringConnectionStates.Pending, PeeringConnectionStates.Active, PeeringConnectionStates.Rejected, PeeringConnectionStates.Deleted,
                PeeringConnectionStates.Failed, PeeringConnectionStates.Expired, PeeringConnectionStates.Isolated,
            ]);
    }
}
