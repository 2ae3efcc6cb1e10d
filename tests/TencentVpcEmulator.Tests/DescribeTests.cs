using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>DescribeVpcs / DescribeSubnets / DescribeRouteTables: filters, paging and output fields (spec §4.12, §4.14–4.16).</summary>
public class DescribeTests
{
    private static object Filter(string name, params string[] values) => new { Filters = new[] { new { Name = name, Values = values } } };

    private static int Total(JsonElement r) => Api.Ok(r).GetProperty("TotalCount").GetInt32();

    [Fact]
    public async Task Describe_vpcs_shows_cidr_and_assistant_cidrs()
    {
        await using var emu = await Emulator.StartAsync();
        var vpc = Api.Ok(await emu.Alpha("DescribeVpcs", new { VpcIds = new[] { Demo.AlphaVpc } })).GetProperty("VpcSet")[0];
        Assert.Equal("10.10.0.0/16", vpc.Str("CidrBlock"));
        Assert.Equal("alpha-main", vpc.Str("VpcName"));
        Assert.Equal("10.11.0.0/16", vpc.GetProperty("AssistantCidrSet")[0].Str("CidrBlock"));
    }

    [Fact]
    public async Task Describe_vpcs_filters_by_id_fuzzy_name_and_cidr_block()
    {
        await using var emu = await Emulator.StartAsync();
        Assert.Equal(1, Total(await emu.Beta("DescribeVpcs", Filter("vpc-id", Demo.BetaVpc))));
        Assert.Equal(2, Total(await emu.Beta("DescribeVpcs", Filter("vpc-name", "beta-"))));
        Assert.Equal(1, Total(await emu.Beta("DescribeVpcs", Filter("vpc-name", "overlap"))));
        Assert.Equal(1, Total(await emu.Beta("DescribeVpcs", Filter("cidr-block", "10.10.128.0/20"))));
        Assert.Equal(2, Total(await emu.Beta("DescribeVpcs", Filter("cidr-block", "10.10.128.0/20", "172.16.0.0/16"))));
        Assert.Equal(0, Total(await emu.Beta("DescribeVpcs", Filter("vpc-id", "vpc-zzzzzzzz"))));
    }

    [Fact]
    public async Task Describe_vpcs_pages_with_string_offset_and_limit_and_reports_the_total()
    {
        await using var emu = await Emulator.StartAsync();
        var first = Api.Ok(await emu.Beta("DescribeVpcs", new { Offset = "0", Limit = "1" }));
        var second = Api.Ok(await emu.Beta("DescribeVpcs", new { Offset = "1", Limit = "1" }));
        var beyond = Api.Ok(await emu.Beta("DescribeVpcs", new { Offset = "5", Limit = "1" }));
        Assert.Equal(2, first.GetProperty("TotalCount").GetInt32());
        Assert.Equal(2, beyond.GetProperty("TotalCount").GetInt32());
        Assert.Empty(beyond.GetProperty("VpcSet").EnumerateArray());
        Assert.NotEqual(first.GetProperty("VpcSet")[0].Str("VpcId"), second.GetProperty("VpcSet")[0].Str("VpcId"));
    }

    [Fact]
    public async Task A_page_cap_answers_fewer_items_than_asked_for_and_the_total_still_counts_them_all()
    {
        await using var emu = await Emulator.StartAsync(o => o.PageCaps["DescribeVpcs"] = 1);
        var first = Api.Ok(await emu.Beta("DescribeVpcs", new { Offset = "0", Limit = "100" }));
        var second = Api.Ok(await emu.Beta("DescribeVpcs", new { Offset = "1", Limit = "100" }));
        var uncapped = Api.Ok(await emu.Beta("DescribeSubnets", new { Offset = "0", Limit = "100" }));

        Assert.Single(first.GetProperty("VpcSet").EnumerateArray());
        Assert.Equal(2, first.GetProperty("TotalCount").GetInt32());
        Assert.Single(second.GetProperty("VpcSet").EnumerateArray());
        Assert.NotEqual(first.GetProperty("VpcSet")[0].Str("VpcId"), second.GetProperty("VpcSet")[0].Str("VpcId"));
        Assert.Equal(uncapped.GetProperty("TotalCount").GetInt32(), uncapped.GetProperty("SubnetSet").GetArrayLength());
    }

    [Fact]
    public async Task Describe_subnets_shows_the_associated_route_table_and_filters_by_zone_vpc_cidr_and_name()
    {
        await using var emu = await Emulator.StartAsync();
        var all = Api.Ok(await emu.Alpha("DescribeSubnets"));
        Assert.Equal(2, all.GetProperty("TotalCount").GetInt32());
        Assert.All(all.GetProperty("SubnetSet").EnumerateArray(), s => Assert.Equal(Demo.AlphaMainTable, s.Str("RouteTableId")));
        Assert.Equal(1, Total(await emu.Alpha("DescribeSubnets", Filter("zone", "ap-guangzhou-4"))));
        Assert.Equal(2, Total(await emu.Alpha("DescribeSubnets", Filter("vpc-id", Demo.AlphaVpc))));
        Assert.Equal(1, Total(await emu.Alpha("DescribeSubnets", Filter("cidr-block", "10.10.1.0/24"))));
        Assert.Equal(1, Total(await emu.Alpha("DescribeSubnets", Filter("subnet-id", Demo.AlphaDbSubnet))));
        Assert.Equal(1, Total(await emu.Alpha("DescribeSubnets", Filter("subnet-name", "alpha-web"))));
        var web = Api.Ok(await emu.Alpha("DescribeSubnets", new { SubnetIds = new[] { Demo.AlphaWebSubnet } })).GetProperty("SubnetSet")[0];
        Assert.Equal("ap-guangzhou-3", web.Str("Zone"));
        Assert.Equal(256, web.GetProperty("TotalIpAddressCount").GetInt32());
    }

    [Fact]
    public async Task Describe_subnets_supports_max_results_and_next_token_paging()
    {
        await using var emu = await Emulator.StartAsync();
        var first = Api.Ok(await emu.Alpha("DescribeSubnets", new { MaxResults = 1 }));
        Assert.Single(first.GetProperty("SubnetSet").EnumerateArray());
        var token = first.Str("NextToken");
        var second = Api.Ok(await emu.Alpha("DescribeSubnets", new { MaxResults = 1, NextToken = token }));
        Assert.NotEqual(first.GetProperty("SubnetSet")[0].Str("SubnetId"), second.GetProperty("SubnetSet")[0].Str("SubnetId"));
        Assert.False(second.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task Describe_route_tables_shows_associations_routes_and_the_main_flag()
    {
        await using var emu = await Emulator.StartAsync();
        var r = Api.Ok(await emu.Alpha("DescribeRouteTables", new { RouteTableIds = new[] { Demo.AlphaMainTable, Demo.AlphaPeeringTable } }));
        Assert.Equal(2, r.GetProperty("TotalCount").GetInt32());
        var main = r.GetProperty("RouteTableSet").EnumerateArray().Single(t => t.Str("RouteTableId") == Demo.AlphaMainTable);
        Assert.True(main.GetProperty("Main").GetBoolean());
        Assert.Equal(Demo.AlphaVpc, main.Str("VpcId"));
        Assert.Equal([Demo.AlphaDbSubnet, Demo.AlphaWebSubnet], main.GetProperty("AssociationSet").EnumerateArray().Select(a => a.Str("SubnetId")).Order(StringComparer.Ordinal));
        Assert.Empty(main.GetProperty("RouteSet").EnumerateArray());
    }

    [Fact]
    public async Task Describe_route_tables_filters_by_vpc_name_and_main_flag_and_pages_with_strings()
    {
        await using var emu = await Emulator.StartAsync();
        Assert.Equal(2, Total(await emu.Alpha("DescribeRouteTables", Filter("vpc-id", Demo.AlphaVpc))));
        Assert.Equal(1, Total(await emu.Alpha("DescribeRouteTables", Filter("association.main", "true"))));
        Assert.Equal(1, Total(await emu.Alpha("DescribeRouteTables", Filter("association.main", "FALSE"))));
        Assert.Equal(1, Total(await emu.Alpha("DescribeRouteTables", Filter("route-table-name", "alpha-peering"))));
        Assert.Equal(1, Total(await emu.Alpha("DescribeRouteTables", Filter("route-table-id", Demo.AlphaPeeringTable))));
        var page = Api.Ok(await emu.Alpha("DescribeRouteTables", new { Offset = "1", Limit = "1" }));
        Assert.Equal(2, page.GetProperty("TotalCount").GetInt32());
        Assert.Single(page.GetProperty("RouteTableSet").EnumerateArray());
    }

    [Fact]
    public async Task The_next_hop_type_filter_needs_route_table_id_and_vpc_id_and_narrows_the_routes()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await emu.Alpha("CreateRoutes", new
        {
            RouteTableId = Demo.AlphaPeeringTable,
            Routes = new[]
            {
                new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = pcx },
                new { DestinationCidrBlock = "0.0.0.0/0", GatewayType = "NAT", GatewayId = "nat-12345678" },
            },
        }));
        Api.Error(await emu.Alpha("DescribeRouteTables", Filter("next-hop-type", "PEERCONNECTION")), "InvalidParameter.FilterMissParameter");
        var r = Api.Ok(await emu.Alpha("DescribeRouteTables", new
        {
            Filters = new[]
            {
                new { Name = "route-table-id", Values = new[] { Demo.AlphaPeeringTable } },
                new { Name = "vpc-id", Values = new[] { Demo.AlphaVpc } },
                new { Name = "next-hop-type", Values = new[] { "PEERCONNECTION" } },
            },
        }));
        var route = Assert.Single(r.GetProperty("RouteTableSet")[0].GetProperty("RouteSet").EnumerateArray());
        Assert.Equal(pcx, route.Str("GatewayId"));
    }

    [Fact]
    public async Task Need_router_info_false_leaves_the_route_set_empty()
    {
        await using var emu = await Emulator.StartAsync();
        var pcx = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await emu.Alpha("CreateRoutes", new { RouteTableId = Demo.AlphaPeeringTable, Routes = new[] { new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = pcx } } }));
        var r = Api.Ok(await emu.Alpha("DescribeRouteTables", new { RouteTableIds = new[] { Demo.AlphaPeeringTable }, NeedRouterInfo = false }));
        Assert.Empty(r.GetProperty("RouteTableSet")[0].GetProperty("RouteSet").EnumerateArray());
    }

    [Fact]
    public async Task Seeded_routes_are_listed_with_their_ids()
    {
        var seed = EmulatorSeed.Demo;
        seed.Vpcs[0].RouteTables![1] = new SeedRouteTable
        {
            RouteTableId = Demo.AlphaPeeringTable,
            Routes = [new SeedRoute { DestinationCidrBlock = "0.0.0.0/0", GatewayType = "NAT", GatewayId = "nat-12345678", RouteItemId = "rti-seeded01" }],
        };
        await using var emu = await Emulator.StartAsync(o => o.Seed = seed);
        var route = Api.Ok(await emu.Alpha("DescribeRouteTables", new { RouteTableIds = new[] { Demo.AlphaPeeringTable } }))
            .GetProperty("RouteTableSet")[0].GetProperty("RouteSet")[0];
        Assert.Equal("rti-seeded01", route.Str("RouteItemId"));
        Assert.Equal(1, route.GetProperty("RouteId").GetInt64());
    }

    [Fact]
    public async Task Describe_route_tables_accepts_the_documented_visible_filter_and_every_owned_table_is_visible()
    {
        await using var emu = await Emulator.StartAsync();
        Assert.Equal(2, Total(await emu.Alpha("DescribeRouteTables", Filter("visible", "true"))));
        Assert.Equal(0, Total(await emu.Alpha("DescribeRouteTables", Filter("visible", "FALSE"))));
    }

    [Fact]
    public async Task Describe_subnets_accepts_the_documented_snat_and_ipv6_filters()
    {
        await using var emu = await Emulator.StartAsync();
        Assert.Equal(2, Total(await emu.Alpha("DescribeSubnets", Filter("is-remote-vpc-snat", "false"))));
        Assert.Equal(0, Total(await emu.Alpha("DescribeSubnets", Filter("is-remote-vpc-snat", "true"))));

        // The emulator models no IPv6: an IPv6 filter matches nothing, but is a documented filter, never refused.
        Assert.Equal(0, Total(await emu.Alpha("DescribeSubnets", Filter("ipv6-cidr-block", "2402:4e00:1717:8700::/64"))));
        Assert.Equal(0, Total(await emu.Alpha("DescribeSubnets", Filter("isp-type", "BGP"))));
        Assert.Equal(0, Total(await emu.Alpha("DescribeSubnets", Filter("address-type", "GUA"))));
    }

    [Fact]
    public async Task Describe_vpcs_accepts_the_documented_ipv6_filters()
    {
        await using var emu = await Emulator.StartAsync();
        Assert.Equal(1, Total(await emu.Alpha("DescribeVpcs")));
        Assert.Equal(0, Total(await emu.Alpha("DescribeVpcs", Filter("ipv6-cidr-block", "2402:4e00:1717:8700::/56"))));
        Assert.Equal(0, Total(await emu.Alpha("DescribeVpcs", Filter("isp-type", "BGP"))));
        Assert.Equal(0, Total(await emu.Alpha("DescribeVpcs", Filter("address-type", "ULA"))));
    }
}
