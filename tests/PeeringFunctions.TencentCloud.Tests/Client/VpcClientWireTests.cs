using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Client;

public sealed class VpcClientWireTests
{
    [Fact]
    public async Task Request_is_a_POST_to_root_with_the_common_headers()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var client = ClientFactory.Create(handler);

        await client.AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-aw8hzt6c" });

        var request = handler.Single;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://vpc.tencentcloudapi.com/"), request.RequestUri);
        Assert.Equal("vpc.tencentcloudapi.com", request.Host);
        Assert.Equal("AcceptVpcPeeringConnection", request.Header("X-TC-Action"));
        Assert.Equal("2017-03-12", request.Header("X-TC-Version"));
        Assert.Equal("1551113065", request.Header("X-TC-Timestamp"));
        Assert.Equal("ap-guangzhou", request.Header("X-TC-Region"));
        Assert.Null(request.Header("X-TC-Token"));
        Assert.Null(request.Header("X-TC-Language"));
        Assert.StartsWith("TC3-HMAC-SHA256 Credential=" + ClientFactory.SecretId + "/", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_type_is_lower_case_application_json_without_charset()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        await ClientFactory.Create(handler).AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-aw8hzt6c" });

        Assert.Equal("application/json", handler.Single.ContentType);
    }

    [Fact]
    public async Task Body_is_compact_json_without_null_fields()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        await ClientFactory.Create(handler).DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            PeeringConnectionIds = ["pcx-test1234"],
        });

        Assert.Equal("""{"PeeringConnectionIds":["pcx-test1234"]}""", handler.Single.BodyText);
    }

    [Fact]
    public async Task Authorization_recomputed_from_the_captured_bytes_matches_the_header()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        await ClientFactory.Create(handler).CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = "rtb-n0yejvje",
            Routes = [new Route { DestinationCidrBlock = "172.16.0.0/16", GatewayType = GatewayTypes.PeerConnection, GatewayId = "pcx-test6789", Enabled = true }],
        });

        var request = handler.Single;
        var timestamp = long.Parse(request.Header("X-TC-Timestamp")!, System.Globalization.CultureInfo.InvariantCulture);
        var recomputed = Tc3Signer.Sign("POST", "/", string.Empty, request.Host!, request.ContentType!, request.Body, timestamp, "vpc", ClientFactory.SecretId, ClientFactory.SecretKey);
        var reference = ReferenceTc3.SignPost(request.Host!, request.ContentType!, request.Body, timestamp, "vpc", ClientFactory.SecretId, ClientFactory.SecretKey);

        Assert.Equal(recomputed.Authorization, request.Header("Authorization"));
        Assert.Equal(reference.Authorization, request.Header("Authorization"));
    }

    [Fact]
    public async Task Credential_scope_date_is_the_UTC_date_of_the_timestamp()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        await ClientFactory.Create(handler).DescribeVpcs(new DescribeVpcsRequest());

        // The test clock's local zone is UTC+8, where this instant is already 2019-02-26.
        Assert.Contains("/2019-02-25/vpc/tc3_request,", handler.Single.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseUrl_sends_to_the_emulator_but_still_signs_service_vpc()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var profile = new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = new Uri("http://127.0.0.1:1234") } };

        await ClientFactory.Create(handler, profile: profile).DescribeVpcs(new DescribeVpcsRequest());

        var request = handler.Single;
        Assert.Equal(new Uri("http://127.0.0.1:1234/"), request.RequestUri);
        Assert.Equal("127.0.0.1:1234", request.Host);
        Assert.Contains("/vpc/tc3_request,", request.Header("Authorization"), StringComparison.Ordinal);
        var reference = ReferenceTc3.SignPost("127.0.0.1:1234", "application/json", request.Body, ClientFactory.Timestamp, "vpc", ClientFactory.SecretId, ClientFactory.SecretKey);
        Assert.Equal(reference.Authorization, request.Header("Authorization"));
    }

    [Fact]
    public async Task BaseUrl_path_is_ignored_because_the_API_path_is_always_root()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var profile = new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = new Uri("http://localhost:8930/some/path") } };

        await ClientFactory.Create(handler, profile: profile).DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal(new Uri("http://localhost:8930/"), handler.Single.RequestUri);
        Assert.Equal("localhost:8930", handler.Single.Host);
    }

    [Fact]
    public async Task Regional_endpoint_is_used_as_host_while_service_stays_vpc()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var profile = new ClientProfile { HttpProfile = new HttpProfile { Endpoint = HttpProfile.RegionalEndpoint("ap-shanghai") } };

        await ClientFactory.Create(handler, profile: profile, region: "ap-shanghai").DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal("vpc.ap-shanghai.tencentcloudapi.com", handler.Single.Host);
        Assert.Equal("ap-shanghai", handler.Single.Header("X-TC-Region"));
        Assert.Contains("/vpc/tc3_request,", handler.Single.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_header_is_sent_only_when_the_credential_has_a_token()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        await ClientFactory.Create(handler, token: ClientFactory.Token).DescribeVpcs(new DescribeVpcsRequest());
        await ClientFactory.Create(handler, token: null).DescribeVpcs(new DescribeVpcsRequest());
        await ClientFactory.Create(handler, token: string.Empty).DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal(ClientFactory.Token, handler.Requests[0].Header("X-TC-Token"));
        Assert.Null(handler.Requests[1].Header("X-TC-Token"));
        Assert.Null(handler.Requests[2].Header("X-TC-Token"));
    }

    [Fact]
    public async Task Language_header_is_sent_when_the_profile_sets_it()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var profile = new ClientProfile { Language = ClientProfile.LanguageEnUs };

        await ClientFactory.Create(handler, profile: profile).DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal("en-US", handler.Single.Header("X-TC-Language"));
    }

    [Fact]
    public async Task Timestamp_comes_from_the_time_provider()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        await ClientFactory.Create(handler, timeProvider: FixedTimeProvider.AtUnixSeconds(1700000000)).DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal("1700000000", handler.Single.Header("X-TC-Timestamp"));
        Assert.Contains("/2023-11-14/vpc/tc3_request,", handler.Single.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_action_sends_its_own_name_in_X_TC_Action()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var client = ClientFactory.Create(handler);

        await client.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest());
        await client.AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest());
        await client.RejectVpcPeeringConnection(new RejectVpcPeeringConnectionRequest());
        await client.DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest());
        await client.ModifyVpcPeeringConnection(new ModifyVpcPeeringConnectionRequest());
        await client.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest());
        await client.CreateRoutes(new CreateRoutesRequest());
        await client.DeleteRoutes(new DeleteRoutesRequest());
        await client.ReplaceRoutes(new ReplaceRoutesRequest());
        await client.EnableRoutes(new EnableRoutesRequest());
        await client.DisableRoutes(new DisableRoutesRequest());
        await client.DescribeRouteTables(new DescribeRouteTablesRequest());
        await client.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest());
        await client.DescribeVpcs(new DescribeVpcsRequest());
        await client.DescribeSubnets(new DescribeSubnetsRequest());

        Assert.Equal(
            [
                "CreateVpcPeeringConnection", "AcceptVpcPeeringConnection", "RejectVpcPeeringConnection", "DeleteVpcPeeringConnection",
                "ModifyVpcPeeringConnection", "DescribeVpcPeeringConnections", "CreateRoutes", "DeleteRoutes", "ReplaceRoutes",
                "EnableRoutes", "DisableRoutes", "DescribeRouteTables", "ReplaceRouteTableAssociation",
                "DescribeVpcs", "DescribeSubnets",
            ],
            handler.Requests.Select(r => r.Header("X-TC-Action")));
    }

    [Fact]
    public async Task Day_two_requests_carry_exactly_the_sdks_field_names_and_route_ids_as_json_integers()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var client = ClientFactory.Create(handler);

        await client.ModifyVpcPeeringConnection(new ModifyVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-test1234", Bandwidth = 500 });
        await client.EnableRoutes(new EnableRoutesRequest { RouteTableId = "rtb-n0yejvje", RouteIds = [1, 18446744073709551615] });
        await client.DisableRoutes(new DisableRoutesRequest { RouteTableId = "rtb-n0yejvje", RouteItemIds = ["rti-hj3he929"] });
        await client.ReplaceRoutes(new ReplaceRoutesRequest
        {
            RouteTableId = "rtb-n0yejvje",
            Routes = [new Route { RouteItemId = "rti-hj3he929", DestinationCidrBlock = "192.168.0.0/16", GatewayType = "NORMAL_CVM", GatewayId = "172.16.16.37" }],
        });

        Assert.Equal(
            [
                """{"PeeringConnectionId":"pcx-test1234","Bandwidth":500}""",
                """{"RouteTableId":"rtb-n0yejvje","RouteIds":[1,18446744073709551615]}""",
                """{"RouteTableId":"rtb-n0yejvje","RouteItemIds":["rti-hj3he929"]}""",
                """{"RouteTableId":"rtb-n0yejvje","Routes":[{"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"172.16.16.37","RouteItemId":"rti-hj3he929"}]}""",
            ],
            handler.Requests.Select(r => r.BodyText));
    }

    [Fact]
    public async Task Concurrent_calls_on_one_client_each_carry_a_valid_signature()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);
        var client = ClientFactory.Create(handler);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [$"vpc-{i:D8}"] })));

        Assert.Equal(40, handler.Requests.Count);
        Assert.All(handler.Requests, request =>
        {
            var reference = ReferenceTc3.SignPost(request.Host!, request.ContentType!, request.Body, ClientFactory.Timestamp, "vpc", ClientFactory.SecretId, ClientFactory.SecretKey);
            Assert.Equal(reference.Authorization, request.Header("Authorization"));
        });
        Assert.Equal(40, handler.Requests.Select(r => r.BodyText).Distinct().Count());
    }

    [Fact]
    public void Constructor_rejects_a_missing_region_or_credential()
    {
        var handler = CapturingHandler.RespondingJson(ClientFactory.EmptySuccess);

        Assert.Throws<ArgumentException>(() => ClientFactory.Create(handler, region: " "));
        Assert.Throws<ArgumentNullException>(() => new Vpc.V20170312.VpcClient(null!, "ap-guangzhou"));
    }
}
