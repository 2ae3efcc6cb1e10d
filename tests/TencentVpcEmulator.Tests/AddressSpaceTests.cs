using System.Net;
using System.Text;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>A VPC's assistant CIDRs changed through the control API, as a person changes them in the console.</summary>
public class AddressSpaceTests
{
    private static async Task<(HttpStatusCode Status, string Body)> AddAsync(Emulator emu, string vpcId, string body)
    {
        using var response = await emu.Http.PostAsync($"/_emulator/vpcs/{vpcId}/assistant-cidrs", new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body)> RemoveAsync(Emulator emu, string vpcId, string cidr)
    {
        using var response = await emu.Http.DeleteAsync($"/_emulator/vpcs/{vpcId}/assistant-cidrs?cidrBlock={Uri.EscapeDataString(cidr)}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string[]> AssistantCidrsAsync(Emulator emu, string vpcId, bool alpha = false) =>
    [
        .. Api.Ok(await (alpha ? emu.Alpha("DescribeVpcs", new { VpcIds = new[] { vpcId } }) : emu.Beta("DescribeVpcs", new { VpcIds = new[] { vpcId } })))
            .GetProperty("VpcSet")[0]
            .GetProperty("AssistantCidrSet").EnumerateArray().Select(a => a.Str("CidrBlock")),
    ];

    [Fact]
    public async Task An_assistant_cidr_added_through_the_control_api_shows_in_describe_vpcs_and_removing_it_takes_it_away()
    {
        await using var emu = await Emulator.StartAsync();

        var (added, addedBody) = await AddAsync(emu, Demo.BetaVpc, """{"cidrBlock":"172.17.0.0/16"}""");
        Assert.Equal(HttpStatusCode.OK, added);
        Assert.Contains("172.17.0.0/16", addedBody, StringComparison.Ordinal);
        Assert.Equal(["172.17.0.0/16"], await AssistantCidrsAsync(emu, Demo.BetaVpc));

        var (removed, _) = await RemoveAsync(emu, Demo.BetaVpc, "172.17.0.0/16");
        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Empty(await AssistantCidrsAsync(emu, Demo.BetaVpc));
    }

    [Theory]
    [InlineData("""{"cidrBlock":"172.16.128.0/17"}""", "overlaps 172.16.0.0/16")]
    [InlineData("""{"cidrBlock":"172.17.0.1/16"}""", "canonical")]
    [InlineData("""{"other":1}""", "cidrBlock")]
    public async Task An_assistant_cidr_that_is_malformed_or_overlaps_the_vpc_is_refused_and_nothing_changes(string body, string expected)
    {
        await using var emu = await Emulator.StartAsync();

        var (status, text) = await AddAsync(emu, Demo.BetaVpc, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Empty(await AssistantCidrsAsync(emu, Demo.BetaVpc));
    }

    [Fact]
    public async Task A_vpc_takes_no_more_assistant_cidrs_than_its_quota()
    {
        await using var emu = await Emulator.StartAsync(o => o.MaxAssistantCidrsPerVpc = 1);
        Assert.Equal(HttpStatusCode.OK, (await AddAsync(emu, Demo.BetaVpc, """{"cidrBlock":"172.17.0.0/16"}""")).Status);

        var (status, text) = await AddAsync(emu, Demo.BetaVpc, """{"cidrBlock":"172.18.0.0/16"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("the most a VPC may have", text, StringComparison.Ordinal);
        Assert.Equal(["172.17.0.0/16"], await AssistantCidrsAsync(emu, Demo.BetaVpc));
    }

    [Fact]
    public async Task An_unknown_vpc_is_not_found_and_the_primary_cidr_or_one_the_vpc_lacks_is_not_removed()
    {
        await using var emu = await Emulator.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await AddAsync(emu, "vpc-zzzzzzzz", """{"cidrBlock":"172.17.0.0/16"}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await RemoveAsync(emu, Demo.AlphaVpc, "10.10.0.0/16")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await RemoveAsync(emu, Demo.AlphaVpc, "10.12.0.0/16")).Status);
        Assert.Equal(["10.11.0.0/16"], await AssistantCidrsAsync(emu, Demo.AlphaVpc, alpha: true));
    }
}
