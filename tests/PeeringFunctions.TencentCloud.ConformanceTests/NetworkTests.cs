using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>DescribeVpcs, DescribeSubnets and ReplaceRouteTableAssociation (spec §4.13–4.16).</summary>
public sealed class NetworkTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public NetworkTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    [Fact]
    public async Task DescribeVpcs_shows_the_primary_and_assistant_cidrs_the_emulator_holds()
    {
        var response = await _f.Alpha().DescribeVpcs(new DescribeVpcsRequest { VpcIds = [World.AlphaVpc] });

        Assert.Equal(1UL, response.TotalCount);
        var vpc = Assert.Single(response.VpcSet!);
        var held = _f.Server.Snapshot().Vpcs.Single(v => v.VpcId == World.AlphaVpc);
        Assert.Equal(held.VpcId, vpc.VpcId);
        Assert.Equal(held.VpcName, vpc.VpcName);
        Assert.Equal(held.CidrBlock, vpc.CidrBlock);
        Assert.Equal(World.AlphaVpcCidr, vpc.CidrBlock);
        Assert.Equal(held.AssistantCidrs, vpc.AssistantCidrSet!.Select(a => a.CidrBlock!));
        var assistant = Assert.Single(vpc.AssistantCidrSet!);
        Assert.Equal(World.AlphaAssistantCidr, assistant.CidrBlock);
        Assert.Equal(World.AlphaVpc, assistant.VpcId);
        Assert.Equal(0, assistant.AssistantType);
        Assert.False(vpc.IsDefault);
        Assert.True(Guid.TryParse(response.RequestId, out _));
    }

    [Fact]
    public async Task DescribeVpcs_pages_with_string_offset_and_limit_over_the_callers_vpcs_in_its_region()
    {
        var beta = _f.Beta(World.Shanghai);
        var expected = _f.Server.Snapshot().Vpcs.Where(v => v.Account == "beta" && v.Region == World.Shanghai).Select(v => v.VpcId).Order().ToList();
        Assert.True(expected.Count >= 4);

        var seen = new List<string>();
        ulong? total = null;
        for (var offset = 0; total is null || (ulong)offset < total; offset += 3)
        {
            var page = await beta.DescribeVpcs(new DescribeVpcsRequest { Offset = offset.ToString(System.Globalization.CultureInfo.InvariantCulture), Limit = "3" });
            total = page.TotalCount;
            Assert.InRange(page.VpcSet!.Length, 1, 3);
            seen.AddRange(page.VpcSet.Select(v => v.VpcId!));
        }

        Assert.Equal((ulong)expected.Count, total);
        Assert.Equal(expected, seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task DescribeVpcs_filters_by_vpc_id_cidr_block_and_fuzzy_name()
    {
        var beta = _f.Beta(World.Shanghai);

        var byId = await beta.DescribeVpcs(new DescribeVpcsRequest { Filters = [new Filter { Name = "vpc-id", Values = [World.BetaVpc, World.BetaOverlappingVpc] }] });
        Assert.Equal([World.BetaVpc, World.BetaOverlappingVpc], byId.VpcSet!.Select(v => v.VpcId!).Order());

        var byCidr = await beta.DescribeVpcs(new DescribeVpcsRequest { Filters = [new Filter { Name = "cidr-block", Values = [World.BetaVpcCidr] }] });
        Assert.Equal(World.BetaVpc, Assert.Single(byCidr.VpcSet!).VpcId);

        var byName = await beta.DescribeVpcs(new DescribeVpcsRequest { Filters = [new Filter { Name = "vpc-name", Values = ["overlap"] }] });
        Assert.Equal(World.BetaOverlappingVpc, Assert.Single(byName.VpcSet!).VpcId);

        var none = await beta.DescribeVpcs(new DescribeVpcsRequest { Filters = [new Filter { Name = "vpc-name", Values = ["no-such-vpc"] }] });
        Assert.Equal(0UL, none.TotalCount);
        Assert.Empty(none.VpcSet!);
    }

    [Fact]
    public async Task DescribeSubnets_shows_the_route_table_each_subnet_is_associated_with()
    {
        var response = await _f.Alpha().DescribeSubnets(new DescribeSubnetsRequest { Filters = [new Filter { Name = "vpc-id", Values = [World.AlphaVpc] }] });

        var held = _f.Server.Snapshot().Subnets.Where(s => s.VpcId == World.AlphaVpc).ToList();
        Assert.Equal((ulong)held.Count, response.TotalCount);
        foreach (var subnet in response.SubnetSet!)
        {
            var h = held.Single(s => s.SubnetId == subnet.SubnetId);
            Assert.Equal(h.RouteTableId, subnet.RouteTableId);
            Assert.Equal(h.CidrBlock, subnet.CidrBlock);
            Assert.Equal(h.Zone, subnet.Zone);
            Assert.Equal(h.SubnetName, subnet.SubnetName);
            Assert.Equal(World.AlphaVpc, subnet.VpcId);
            Assert.Equal(World.AlphaMainTable, subnet.RouteTableId);
            Assert.True(subnet.TotalIpAddressCount > subnet.AvailableIpAddressCount);
        }
    }

    [Fact]
    public async Task DescribeSubnets_pages_with_string_offset_and_limit_and_with_next_tokens()
    {
        var alpha = _f.Alpha();
        var first = await alpha.DescribeSubnets(new DescribeSubnetsRequest { Offset = "0", Limit = "1" });
        var second = await alpha.DescribeSubnets(new DescribeSubnetsRequest { Offset = "1", Limit = "1" });
        Assert.Equal(2UL, first.TotalCount);
        Assert.Equal(
            [World.AlphaDbSubnet, World.AlphaWebSubnet],
            first.SubnetSet!.Concat(second.SubnetSet!).Select(s => s.SubnetId!).Order());

        var tokenPages = new List<string>();
        string? token = null;
        do
        {
            var page = await alpha.DescribeSubnets(new DescribeSubnetsRequest { MaxResults = 1, NextToken = token });
            tokenPages.AddRange(page.SubnetSet!.Select(s => s.SubnetId!));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token) && tokenPages.Count < 10);

        Assert.Equal([World.AlphaDbSubnet, World.AlphaWebSubnet], tokenPages.Order());
    }

    [Fact]
    public async Task DescribeSubnets_filters_by_zone_and_by_ids()
    {
        var alpha = _f.Alpha();
        var inZone4 = await alpha.DescribeSubnets(new DescribeSubnetsRequest { Filters = [new Filter { Name = "zone", Values = ["ap-guangzhou-4"] }] });
        Assert.Equal(World.AlphaDbSubnet, Assert.Single(inZone4.SubnetSet!).SubnetId);

        var byIds = await alpha.DescribeSubnets(new DescribeSubnetsRequest { SubnetIds = [World.AlphaWebSubnet] });
        Assert.Equal("10.10.1.0/24", Assert.Single(byIds.SubnetSet!).CidrBlock);
    }

    [Fact]
    public async Task ReplaceRouteTableAssociation_moves_the_subnet_to_the_other_table()
    {
        var response = await _f.Alpha().ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            SubnetId = World.AlphaWebSubnet,
        });

        Assert.True(Guid.TryParse(response.RequestId, out _));
        var snapshot = _f.Server.Snapshot();
        Assert.Equal(World.AlphaPeeringTable, snapshot.Subnet(World.AlphaWebSubnet)!.RouteTableId);
        Assert.Equal([World.AlphaWebSubnet], snapshot.RouteTable(World.AlphaPeeringTable)!.AssociatedSubnetIds);
        Assert.Equal([World.AlphaDbSubnet], snapshot.RouteTable(World.AlphaMainTable)!.AssociatedSubnetIds);

        var subnet = Assert.Single((await _f.Alpha().DescribeSubnets(new DescribeSubnetsRequest { SubnetIds = [World.AlphaWebSubnet] })).SubnetSet!);
        Assert.Equal(World.AlphaPeeringTable, subnet.RouteTableId);
        var table = Assert.Single((await _f.Alpha().DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [World.AlphaPeeringTable] })).RouteTableSet!);
        var association = Assert.Single(table.AssociationSet!);
        Assert.Equal(World.AlphaWebSubnet, association.SubnetId);
        Assert.Equal(World.AlphaPeeringTable, association.RouteTableId);
    }

    [Fact]
    public async Task Moving_a_subnet_to_a_table_of_another_vpc_is_VpcMismatch()
    {
        await Expect.ApiError(TencentErrorCodes.UnsupportedOperationVpcMismatch, () => _f.Beta(World.Shanghai).ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            RouteTableId = World.BetaPeeringTable,
            SubnetId = World.BetaOverlappingSubnet,
        }));

        Assert.Equal("rtb-betaovmn", _f.Server.Snapshot().Subnet(World.BetaOverlappingSubnet)!.RouteTableId);
    }

    [Fact]
    public async Task Another_accounts_vpc_subnet_or_route_table_is_ResourceNotFound()
    {
        var alpha = _f.Alpha(World.Guangzhou);

        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => alpha.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [World.BetaGuangzhouVpc] }));
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => alpha.DescribeSubnets(new DescribeSubnetsRequest { SubnetIds = ["subnet-betagz01"] }));
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => alpha.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            RouteTableId = "rtb-betagzmn",
            SubnetId = World.AlphaWebSubnet,
        }));

        var filtered = await alpha.DescribeVpcs(new DescribeVpcsRequest { Filters = [new Filter { Name = "vpc-id", Values = [World.BetaGuangzhouVpc] }] });
        Assert.Equal(0UL, filtered.TotalCount);
    }

    [Fact]
    public async Task The_callers_own_vpc_asked_for_in_another_region_is_ResourceNotFound()
    {
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => _f.Alpha(World.Shanghai).DescribeVpcs(new DescribeVpcsRequest { VpcIds = [World.AlphaVpc] }));
    }

    [Fact]
    public async Task A_malformed_vpc_subnet_or_route_table_id_is_InvalidParameterValue_Malformed()
    {
        var alpha = _f.Alpha();

        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => alpha.DescribeVpcs(new DescribeVpcsRequest { VpcIds = ["vpc-123"] }));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => alpha.DescribeSubnets(new DescribeSubnetsRequest { SubnetIds = ["subnet-ALPHAWEB"] }));
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueMalformed, () => alpha.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest
        {
            RouteTableId = "rtb_alphapcx",
            SubnetId = World.AlphaWebSubnet,
        }));
    }

    [Fact]
    public async Task A_limit_above_one_hundred_is_InvalidParameterValue_LimitExceeded()
    {
        await Expect.ApiError(TencentErrorCodes.InvalidParameterValueLimitExceeded, () => _f.Alpha().DescribeVpcs(new DescribeVpcsRequest { Limit = "101" }));
    }
}
