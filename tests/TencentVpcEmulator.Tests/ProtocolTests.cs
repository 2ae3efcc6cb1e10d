using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>Envelope, common headers and parameter validation (spec §3, §4, §9).</summary>
public class ProtocolTests
{
    [Fact]
    public async Task Errors_come_back_with_http_200_and_the_error_envelope()
    {
        await using var emu = await Emulator.StartAsync();
        using var request = new TencentCall { Key = Demo.Alpha, Action = "Nope" }.Build(emu.Server.BaseUrl, emu.Server.Now);
        using var response = await emu.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var r = json.RootElement.GetProperty("Response");
        Assert.Equal("InvalidAction", r.GetProperty("Error").Str("Code"));
        Assert.True(Guid.TryParse(r.Str("RequestId"), out _));
    }

    [Fact]
    public async Task An_unknown_action_is_invalid_action()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("DescribeVpcz"), "InvalidAction");
    }

    [Fact]
    public async Task A_missing_x_tc_action_is_missing_parameter()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = null }), "MissingParameter");
    }

    [Fact]
    public async Task A_version_other_than_2017_03_12_is_no_such_version()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcs", Version = "2020-01-01" }), "NoSuchVersion");
    }

    [Fact]
    public async Task A_missing_region_is_missing_parameter_and_an_unknown_region_is_unsupported_region()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcs", Region = "" }), "MissingParameter");
        Api.Error(await emu.Alpha("DescribeVpcs", region: "mars-north-1"), "UnsupportedRegion");
    }

    [Fact]
    public async Task Get_requests_are_answered_with_unsupported_protocol_in_the_envelope()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcs", Method = HttpMethod.Get }), "UnsupportedProtocol");
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_answered_with_the_actions_code_for_a_malformed_request()
    {
        await using var emu = await Emulator.StartAsync();
        // DescribeVpcs documents no plain InvalidParameter: Malformed is its code for a body of the wrong form.
        Api.Error(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcs", Body = "[1,2]" }), "InvalidParameterValue.Malformed");
        Api.Error(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcs", Body = "{oops" }), "InvalidParameterValue.Malformed");
        Api.Error(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcPeeringConnections", Body = "{oops" }), "InvalidParameter");
    }

    [Fact]
    public async Task A_required_parameter_left_out_is_missing_parameter_where_the_action_documents_it_and_malformed_elsewhere()
    {
        await using var emu = await Emulator.StartAsync();
        var message = Api.Error(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "x",
            DestinationVpcId = Demo.BetaVpc,
            DestinationRegion = Demo.Shanghai,
        }), "MissingParameter");
        Assert.Contains("DestinationUin", message, StringComparison.Ordinal);
        Api.Error(await emu.Alpha("AcceptVpcPeeringConnection"), "InvalidParameterValue.Malformed");
        Api.Error(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable }), "InvalidParameterValue.Malformed");
    }

    [Fact]
    public async Task An_unexpected_top_level_parameter_is_unknown_parameter()
    {
        await using var emu = await Emulator.StartAsync();
        var message = Api.Error(await emu.Alpha("DescribeVpcs", new { VpcIdz = new[] { Demo.AlphaVpc } }), "UnknownParameter");
        Assert.Contains("VpcIdz", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offset_and_limit_must_be_strings_for_describe_vpcs_subnets_and_route_tables()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("DescribeVpcs", new { Limit = 10 }), "InvalidParameterValue.Malformed");
        Api.Error(await emu.Alpha("DescribeSubnets", new { Offset = 0 }), "InvalidParameterValue.Malformed");
        Api.Error(await emu.Alpha("DescribeRouteTables", new { Limit = 10 }), "InvalidParameterValue.Malformed");
        Api.Ok(await emu.Alpha("DescribeVpcs", new { Offset = "0", Limit = "10" }));
        Api.Error(await emu.Alpha("DescribeVpcs", new { Limit = "ten" }), "InvalidParameterValue.Malformed");
    }

    [Fact]
    public async Task Offset_and_limit_must_be_integers_for_describe_vpc_peering_connections()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("DescribeVpcPeeringConnections", new { Limit = "10" }), "InvalidParameter");
        Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", new { Offset = 0, Limit = 10 }));
    }

    [Fact]
    public async Task Destination_uin_must_be_a_string_in_create_vpc_peering_connection()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "x",
            DestinationVpcId = Demo.BetaVpc,
            DestinationUin = 100000000002,
            DestinationRegion = Demo.Shanghai,
        }), "InvalidParameter");
    }

    [Fact]
    public async Task A_limit_above_100_is_limit_exceeded()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("DescribeVpcs", new { Limit = "101" }), "InvalidParameterValue.LimitExceeded");
        Api.Error(await emu.Alpha("DescribeVpcPeeringConnections", new { Limit = 101 }), "InvalidParameterValue.LimitExceeded");
        Api.Ok(await emu.Alpha("DescribeVpcs", new { Limit = "100" }));
    }

    [Fact]
    public async Task A_negative_offset_is_out_of_range()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("DescribeVpcPeeringConnections", new { Offset = -1 }), "InvalidParameterValue.Range");
    }

    [Theory]
    [InlineData("DescribeVpcs", "VpcIds", "vpc-123")]
    [InlineData("DescribeVpcs", "VpcIds", "vpc-ALPHA001")]
    [InlineData("DescribeSubnets", "SubnetIds", "subnet-alpha")]
    [InlineData("DescribeRouteTables", "RouteTableIds", "rtb_alphamai")]
    [InlineData("DescribeVpcPeeringConnections", "PeeringConnectionIds", "pcx-1234567")]
    public async Task A_badly_formed_id_is_malformed(string action, string parameter, string id)
    {
        await using var emu = await Emulator.StartAsync();
        var body = new Dictionary<string, object> { [parameter] = new[] { id } };
        Api.Error(await emu.Alpha(action, body), "InvalidParameterValue.Malformed");
    }

    [Fact]
    public async Task Malformed_ids_in_single_id_parameters_are_malformed_too()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = "pcx-XYZ" }), "InvalidParameterValue.Malformed");
        Api.Error(await emu.Alpha("ReplaceRouteTableAssociation", new { RouteTableId = "rtb-1", SubnetId = Demo.AlphaWebSubnet }), "InvalidParameterValue.Malformed");
        Api.Error(await emu.Alpha("DeleteRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { RouteItemId = "rti-1" } } }), "InvalidParameterValue.Malformed");
    }

    [Fact]
    public async Task Well_formed_ids_the_caller_cannot_see_are_resource_not_found()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("DescribeVpcs", new { VpcIds = new[] { "vpc-zzzzzzzz" } }), "ResourceNotFound");
        Api.Error(await emu.Alpha("DescribeVpcs", new { VpcIds = new[] { Demo.BetaGuangzhouVpc } }), "ResourceNotFound");
        Api.Error(await emu.Alpha("DescribeVpcs", new { VpcIds = new[] { Demo.AlphaVpc } }, Demo.Shanghai), "ResourceNotFound");
        Api.Error(await emu.Alpha("DescribeSubnets", new { SubnetIds = new[] { Demo.BetaAppSubnet } }), "ResourceNotFound");
        Api.Error(await emu.Alpha("DescribeRouteTables", new { RouteTableIds = new[] { Demo.BetaMainTable } }), "ResourceNotFound");
        Api.Error(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = "pcx-00000000" }), "ResourceNotFound");
    }

    [Fact]
    public async Task Ids_and_filters_together_are_invalid_parameter_coexist()
    {
        await using var emu = await Emulator.StartAsync();
        var filters = new[] { new { Name = "vpc-id", Values = new[] { Demo.AlphaVpc } } };
        Api.Error(await emu.Alpha("DescribeVpcs", new { VpcIds = new[] { Demo.AlphaVpc }, Filters = filters }), "InvalidParameter.Coexist");
        Api.Error(await emu.Alpha("DescribeSubnets", new { SubnetIds = new[] { Demo.AlphaWebSubnet }, Filters = filters }), "InvalidParameter.Coexist");
        Api.Error(await emu.Alpha("DescribeRouteTables", new { RouteTableIds = new[] { Demo.AlphaMainTable }, Filters = filters }), "InvalidParameter.Coexist");
        Api.Error(await emu.Alpha("DescribeVpcPeeringConnections", new { PeeringConnectionIds = new[] { "pcx-00000000" }, Filters = filters }), "InvalidParameter.Coexist");
    }

    [Fact]
    public async Task Unknown_filter_names_and_badly_shaped_filters_are_rejected()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("DescribeVpcs", new { Filters = new[] { new { Name = "colour", Values = new[] { "blue" } } } }), "InvalidParameter.FilterInvalidKey");
        Api.Error(await emu.Alpha("DescribeVpcs", new { Filters = new object[] { "vpc-id" } }), "InvalidParameter.FilterNotDict");
        Api.Error(await emu.Alpha("DescribeVpcs", new { Filters = new[] { new { Name = "vpc-id", Values = Demo.AlphaVpc } } }), "InvalidParameter.FilterValuesNotList");
    }

    [Fact]
    public async Task Json_null_counts_as_absent_like_the_sdks_that_strip_nulls()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Ok(await emu.SendAsync(new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcs", Body = "{\"VpcIds\":null,\"Limit\":null}" }));
    }

    [Theory]
    [InlineData("ap-shenzhen")]
    [InlineData("ap-qingyuan")]
    public async Task Shenzhen_and_qingyuan_are_served_regions(string region)
    {
        await using var emu = await Emulator.StartAsync();
        Assert.Equal(0, Api.Ok(await emu.Alpha("DescribeVpcs", region: region)).GetProperty("TotalCount").GetInt32());
        Assert.Contains(region, TencentVpcEmulatorServer.SupportedRegions);
    }

    [Fact]
    public async Task A_peering_into_shenzhen_or_qingyuan_is_described_with_their_short_codes()
    {
        await using var emu = await Emulator.StartAsync(o => o.Seed = Seeds.DemoWith(
            Seeds.Vpc("beta", "ap-shenzhen", "betaszx1", "192.168.16.0/20"),
            Seeds.Vpc("beta", "ap-qingyuan", "betaqy01", "192.168.32.0/20")));
        foreach (var (vpc, region, code) in new[] { ("vpc-betaszx1", "ap-shenzhen", "szx"), ("vpc-betaqy01", "ap-qingyuan", "qy") })
        {
            var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
            {
                SourceVpcId = Demo.AlphaVpc,
                PeeringConnectionName = code,
                DestinationVpcId = vpc,
                DestinationUin = Demo.BetaUin,
                DestinationRegion = region,
                Bandwidth = 10,
            })).Str("PeeringConnectionId");

            Assert.Equal(code, (await emu.DescribePeeringAsAlpha(id)).Str("DestinationRegion"));
        }
    }
}
