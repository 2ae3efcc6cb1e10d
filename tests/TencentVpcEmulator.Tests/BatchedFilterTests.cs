using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>
/// The batched reads a watcher makes: several VPC ids in one vpc-id filter (values ORed, spec §4.16), several ids in
/// one id list, and the cap on values per filter.
/// </summary>
public class BatchedFilterTests
{
    private static object Filter(string name, params string[] values) => new { Filters = new[] { new { Name = name, Values = values } } };

    private static int Total(JsonElement r) => Api.Ok(r).GetProperty("TotalCount").GetInt32();

    [Fact]
    public async Task One_vpc_id_filter_with_several_vpcs_answers_the_route_tables_subnets_and_vpcs_of_all_of_them()
    {
        await using var emu = await Emulator.StartAsync();
        string[] both = [Demo.BetaVpc, Demo.BetaOverlappingVpc];

        Assert.Equal(3, Total(await emu.Beta("DescribeRouteTables", Filter("vpc-id", both))));
        Assert.Equal(2, Total(await emu.Beta("DescribeSubnets", Filter("vpc-id", both))));
        Assert.Equal(2, Total(await emu.Beta("DescribeVpcs", Filter("vpc-id", both))));
        Assert.Equal(2, Total(await emu.Beta("DescribeVpcs", new { VpcIds = both })));
    }

    [Fact]
    public async Task Several_peering_ids_in_one_call_answer_each_of_them()
    {
        await using var emu = await Emulator.StartAsync();
        var first = await emu.CreateAlphaToBetaAsync();
        var second = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc, PeeringConnectionName = "alpha-beta-gz", DestinationVpcId = Demo.BetaGuangzhouVpc,
            DestinationUin = Demo.BetaUin, DestinationRegion = Demo.Guangzhou,
        })).Str("PeeringConnectionId");

        var seen = Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", new { PeeringConnectionIds = new[] { first, second } }));

        Assert.Equal(2, seen.GetProperty("TotalCount").GetInt32());
        Assert.Equal(
            new[] { first, second }.Order(StringComparer.Ordinal),
            seen.GetProperty("PeerConnectionSet").EnumerateArray().Select(p => p.Str("PeeringConnectionId")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("DescribeRouteTables")]
    [InlineData("DescribeSubnets")]
    [InlineData("DescribeVpcs")]
    [InlineData("DescribeVpcPeeringConnections")]
    public async Task A_filter_with_more_values_than_the_cap_is_refused_with_limit_exceeded(string action)
    {
        await using var emu = await Emulator.StartAsync(o => o.MaxValuesPerFilter = 2);
        var three = Filter("vpc-id", Demo.BetaVpc, Demo.BetaOverlappingVpc, "vpc-zzzzzzzz");
        var two = Filter("vpc-id", Demo.BetaVpc, Demo.BetaOverlappingVpc);

        Assert.Contains("At most 2 values", Api.Error(await emu.Beta(action, three), "InvalidParameterValue.LimitExceeded"), StringComparison.Ordinal);
        Api.Ok(await emu.Beta(action, two));
    }

    [Fact]
    public async Task By_default_a_filter_takes_a_hundred_values_and_refuses_a_hundred_and_one()
    {
        await using var emu = await Emulator.StartAsync();
        string[] hundred = [Demo.BetaVpc, .. Enumerable.Range(0, 99).Select(i => $"vpc-x{i:0000000}")];

        Assert.Equal(1, Total(await emu.Beta("DescribeSubnets", Filter("vpc-id", hundred))));
        Api.Error(await emu.Beta("DescribeSubnets", Filter("vpc-id", [.. hundred, "vpc-y0000000"])), "InvalidParameterValue.LimitExceeded");
    }
}
