using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>
/// Issue 15, item 6: DescribeVpcPeeringConnections shaped as Tencent's published examples show it (IsNgw false,
/// ChargeType POSTPAID_BY_DAY_MAX even intra-region with Bandwidth 0, Type VPC0) and a cross-account request that is
/// still PENDING described without its peer VPC, unless EmulatorOptions.PendingRequestHidesPeerVpc is off.
/// </summary>
public class DescribedPeeringShapeTests
{
    [Fact]
    public async Task An_intra_region_peering_created_without_charge_type_is_described_as_the_official_example_shows_it()
    {
        await using var emu = await Emulator.StartAsync();
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "intra",
            DestinationVpcId = Demo.BetaGuangzhouVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Guangzhou,
        })).Str("PeeringConnectionId");

        var p = await emu.DescribePeeringAsAlpha(id);

        Assert.False(p.GetProperty("IsNgw").GetBoolean());
        Assert.Equal(0, p.GetProperty("Bandwidth").GetInt64());
        Assert.Equal("POSTPAID_BY_DAY_MAX", p.Str("ChargeType"));
        Assert.Equal("VPC0", p.Str("Type"));
        Assert.Equal("", p.Str("QosLevel"));
        Assert.Equal("POSTPAID_BY_DAY_MAX", emu.Server.Snapshot().Peering(id)!.ChargeType); // Create's default, kept in the record
    }

    [Fact]
    public async Task A_cross_account_pending_request_names_no_peer_vpc_to_either_account()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();

        var asAlpha = await emu.DescribePeeringAsAlpha(id);
        var asBeta = Api.Ok(await emu.Beta("DescribeVpcPeeringConnections", new { PeeringConnectionIds = new[] { id } })).GetProperty("PeerConnectionSet")[0];

        foreach (var p in new[] { asAlpha, asBeta })
        {
            Assert.Equal("PENDING", p.Str("State"));
            Assert.Equal(Demo.AlphaVpc, p.Str("SourceVpcId"));
            Assert.False(p.TryGetProperty("PeerVpcId", out _), $"PeerVpcId shown: {p}");
            Assert.False(p.TryGetProperty("DestinationVpcId", out _), $"DestinationVpcId shown: {p}");
            Assert.Equal(100000000002L, p.GetProperty("DestinationUin").GetInt64());
            Assert.Equal("sh", p.Str("DestinationRegion"));
        }
    }

    [Fact]
    public async Task The_vpc_id_filter_still_finds_a_pending_request_by_the_peer_vpc_it_does_not_show()
    {
        // The filter works on what Tencent knows, not on what it prints (our guess; the docs are silent).
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();

        var byPeer = Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", new { Filters = new[] { new { Name = "vpc-id", Values = new[] { Demo.BetaVpc } } } }));

        Assert.Equal(id, Assert.Single(byPeer.GetProperty("PeerConnectionSet").EnumerateArray()).Str("PeeringConnectionId"));
    }

    [Fact]
    public async Task Once_accepted_the_peering_names_its_peer_vpc_in_both_fields()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.ActiveAlphaToBetaAsync();

        var p = await emu.DescribePeeringAsAlpha(id);

        Assert.Equal(Demo.BetaVpc, p.Str("PeerVpcId"));
        Assert.Equal(Demo.BetaVpc, p.Str("DestinationVpcId"));
    }

    [Fact]
    public async Task A_same_account_request_waiting_for_acceptance_names_its_peer_vpc()
    {
        await using var emu = await Emulator.StartAsync(o =>
        {
            o.Seed = Seeds.DemoWith(Seeds.Vpc("alpha", Demo.Guangzhou, "alpha002", "10.20.0.0/16"));
            o.SameAccountPeeringNeedsAcceptance = true;
        });
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "same",
            DestinationVpcId = "vpc-alpha002",
            DestinationUin = Demo.AlphaUin,
            DestinationRegion = Demo.Guangzhou,
        })).Str("PeeringConnectionId");

        var p = await emu.DescribePeeringAsAlpha(id);

        Assert.Equal("PENDING", p.Str("State"));
        Assert.Equal("vpc-alpha002", p.Str("PeerVpcId"));
        Assert.Equal("vpc-alpha002", p.Str("DestinationVpcId"));
    }

    [Fact]
    public async Task With_the_option_off_a_pending_request_names_its_peer_vpc()
    {
        await using var emu = await Emulator.StartAsync(o => o.PendingRequestHidesPeerVpc = false);
        var id = await emu.CreateAlphaToBetaAsync();

        var p = await emu.DescribePeeringAsAlpha(id);

        Assert.Equal(JsonValueKind.String, p.GetProperty("PeerVpcId").ValueKind);
        Assert.Equal(Demo.BetaVpc, p.Str("DestinationVpcId"));
    }
}
