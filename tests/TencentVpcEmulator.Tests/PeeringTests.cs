using System.Globalization;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>Peering lifecycle and the rules of spec §4.1–4.7 and §8.</summary>
public class PeeringTests
{
    /// <summary>With a 10 Mbps cap, which a cross-region peering needs and one within a region ignores.</summary>
    private static object Create(string source, string destination, string uin, string region, string name = "p") => new
    {
        SourceVpcId = source,
        PeeringConnectionName = name,
        DestinationVpcId = destination,
        DestinationUin = uin,
        DestinationRegion = region,
        Bandwidth = 10,
    };

    [Fact]
    public async Task A_cross_account_request_starts_pending_and_both_accounts_see_the_same_record()
    {
        // With the peer VPC shown (PeerVpcShapeTests covers the default, which hides it while PENDING).
        await using var emu = await Emulator.StartAsync(o => o.PendingRequestHidesPeerVpc = false);
        var id = await emu.CreateAlphaToBetaAsync("alpha-to-beta");
        Assert.Matches("^pcx-[a-z0-9]{8}$", id);

        var asAlpha = await emu.DescribePeeringAsAlpha(id);
        var asBeta = Api.Ok(await emu.Beta("DescribeVpcPeeringConnections", new { PeeringConnectionIds = new[] { id } })).GetProperty("PeerConnectionSet")[0];
        foreach (var p in new[] { asAlpha, asBeta })
        {
            Assert.Equal("PENDING", p.Str("State"));
            Assert.Equal(Demo.AlphaVpc, p.Str("SourceVpcId"));
            Assert.Equal(Demo.BetaVpc, p.Str("PeerVpcId"));
            Assert.Equal(Demo.BetaVpc, p.Str("DestinationVpcId"));
            Assert.Equal("gz", p.Str("SourceRegion"));
            Assert.Equal("sh", p.Str("DestinationRegion"));
            Assert.Equal(100000000001L, p.GetProperty("SourceUin").GetInt64());
            Assert.Equal(100000000002L, p.GetProperty("DestinationUin").GetInt64());
            Assert.Equal(1250000001L, p.GetProperty("AppId").GetInt64());
            Assert.Equal(1250000002L, p.GetProperty("PeerAppId").GetInt64());
            Assert.Equal("alpha-to-beta", p.Str("PeeringConnectionName"));
            Assert.True(DateTime.TryParseExact(p.Str("CreateTime"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        }
    }

    [Fact]
    public async Task The_receiver_sees_the_peering_only_in_the_destination_region_and_strangers_never()
    {
        await using var emu = await Emulator.StartAsync(o => o.Seed = Seeds.DemoWith());
        var id = await emu.CreateAlphaToBetaAsync();
        var filter = new { PeeringConnectionIds = new[] { id } };
        Api.Error(await emu.Beta("DescribeVpcPeeringConnections", filter, Demo.Guangzhou), "ResourceNotFound");
        Api.Error(await emu.Alpha("DescribeVpcPeeringConnections", filter, Demo.Shanghai), "ResourceNotFound");
        Api.Error(await emu.SendAsync(new TencentCall { Key = Seeds.Gamma, Action = "AcceptVpcPeeringConnection", Region = Demo.Shanghai, Body = TencentCall.Json(new { PeeringConnectionId = id }) }), "ResourceNotFound");
        var beta = Api.Ok(await emu.Beta("DescribeVpcPeeringConnections"));
        Assert.Equal(1, beta.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Accepting_as_the_receiver_makes_the_peering_active()
    {
        await using var emu = await Emulator.StartAsync(o => o.Activation.CrossRegionDelay = TimeSpan.Zero);
        var id = await emu.CreateAlphaToBetaAsync();
        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }));
        Assert.Equal("ACTIVE", (await emu.DescribePeeringAsAlpha(id)).Str("State"));
        Assert.Equal("ACTIVE", emu.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task The_initiator_cannot_accept_or_reject_its_own_request()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();
        Api.Error(await emu.Alpha("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerPurviewError");
        Api.Error(await emu.Alpha("RejectVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerPurviewError");
        Assert.Equal("PENDING", (await emu.DescribePeeringAsAlpha(id)).Str("State"));
    }

    [Fact]
    public async Task Only_a_pending_peering_can_be_accepted_or_rejected()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.ActiveAlphaToBetaAsync();
        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerInvalidStateChange");
        Api.Error(await emu.Beta("RejectVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerInvalidStateChange");
    }

    [Fact]
    public async Task Rejecting_as_the_receiver_makes_it_rejected_and_frees_the_pair()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();
        Api.Ok(await emu.Beta("RejectVpcPeeringConnection", new { PeeringConnectionId = id }));
        Assert.Equal("REJECTED", (await emu.DescribePeeringAsAlpha(id)).Str("State"));
        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerInvalidStateChange");
        Assert.NotEqual(id, await emu.CreateAlphaToBetaAsync());
    }

    [Fact]
    public async Task An_unanswered_request_expires_after_seven_days_on_the_emulator_clock()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();
        emu.Server.AdvanceClock(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal("PENDING", (await emu.DescribePeeringAsAlpha(id)).Str("State"));
        emu.Server.AdvanceClock(TimeSpan.FromMinutes(2));
        Assert.Equal("EXPIRED", (await emu.DescribePeeringAsAlpha(id)).Str("State"));
        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerInvalidStateChange");
    }

    [Fact]
    public async Task Each_unanswered_request_expires_seven_days_after_its_own_creation()
    {
        await using var emu = await Emulator.StartAsync();
        var older = await emu.CreateAlphaToBetaAsync();
        emu.Server.AdvanceClock(TimeSpan.FromDays(3));
        var younger = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, Demo.BetaGuangzhouVpc, Demo.BetaUin, Demo.Guangzhou)))
            .Str("PeeringConnectionId");

        emu.Server.AdvanceClock(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));
        Assert.Equal("EXPIRED", (await emu.DescribePeeringAsAlpha(older)).Str("State"));
        Assert.Equal("PENDING", (await emu.DescribePeeringAsAlpha(younger)).Str("State"));

        emu.Server.AdvanceClock(TimeSpan.FromDays(3));
        Assert.Equal("EXPIRED", (await emu.DescribePeeringAsAlpha(younger)).Str("State"));
    }

    [Fact]
    public async Task The_expiry_period_is_configurable_and_driven_by_the_clock_control_endpoint()
    {
        await using var emu = await Emulator.StartAsync(o => o.PendingExpiry = TimeSpan.FromMinutes(5));
        var id = await emu.CreateAlphaToBetaAsync();
        using var response = await emu.Http.PostAsync("/_emulator/clock", new StringContent("{\"advanceSeconds\":301}"));
        response.EnsureSuccessStatusCode();
        Assert.Equal("EXPIRED", emu.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task Either_side_can_delete_and_a_deleted_peering_stays_listed_as_deleted()
    {
        await using var emu = await Emulator.StartAsync();
        var first = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await emu.Beta("DeleteVpcPeeringConnection", new { PeeringConnectionId = first }));
        Assert.Equal("DELETED", (await emu.DescribePeeringAsAlpha(first)).Str("State"));
        Api.Error(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = first }), "ResourceNotFound");

        var second = await emu.CreateAlphaToBetaAsync();
        Api.Ok(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = second }));
        Assert.Equal("DELETED", (await emu.DescribePeeringAsAlpha(second)).Str("State"));
        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = second }), "UnsupportedOperation.VpcPeerInvalidStateChange");
    }

    [Fact]
    public async Task A_second_live_peering_of_the_same_pair_in_either_direction_already_exists()
    {
        await using var emu = await Emulator.StartAsync();
        await emu.CreateAlphaToBetaAsync();
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, Demo.BetaVpc, Demo.BetaUin, Demo.Shanghai)), "UnsupportedOperation.VpcPeerAlreadyExist");
        Api.Error(await emu.Beta("CreateVpcPeeringConnection", Create(Demo.BetaVpc, Demo.AlphaVpc, Demo.AlphaUin, Demo.Guangzhou)), "UnsupportedOperation.VpcPeerAlreadyExist");
    }

    [Fact]
    public async Task Overlapping_vpc_cidrs_are_unsupported_operation_cidr_conflict()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, Demo.BetaOverlappingVpc, Demo.BetaUin, Demo.Shanghai)), "UnsupportedOperation.VpcPeerCidrConflict");
    }

    [Fact]
    public async Task An_overlap_with_an_assistant_cidr_is_a_cidr_conflict_too()
    {
        var seed = Seeds.DemoWith(Seeds.Vpc("beta", Demo.Shanghai, "betaasst", "10.11.5.0/24"));
        await using var emu = await Emulator.StartAsync(o => o.Seed = seed);
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-betaasst", Demo.BetaUin, Demo.Shanghai)), "UnsupportedOperation.VpcPeerCidrConflict");
    }

    [Fact]
    public async Task A_new_peer_overlapping_the_other_end_of_an_existing_peering_of_the_source_is_unauthorized_cidr_conflict()
    {
        var seed = Seeds.DemoWith(Seeds.Vpc("beta", Demo.Shanghai, "betadup1", "172.16.8.0/24"));
        await using var emu = await Emulator.StartAsync(o => o.Seed = seed);
        await emu.CreateAlphaToBetaAsync();
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-betadup1", Demo.BetaUin, Demo.Shanghai)), "UnauthorizedOperation.VpcPeerCidrConflict");
    }

    [Fact]
    public async Task A_source_overlapping_the_other_end_of_an_existing_peering_of_the_destination_is_unauthorized_cidr_conflict()
    {
        var seed = Seeds.DemoWith(Seeds.Vpc("gamma", Demo.Guangzhou, "gammadup", "10.10.200.0/24"));
        await using var emu = await Emulator.StartAsync(o => o.Seed = seed);
        await emu.CreateAlphaToBetaAsync();
        var r = await emu.SendAsync(new TencentCall
        {
            Key = Seeds.Gamma,
            Action = "CreateVpcPeeringConnection",
            Body = TencentCall.Json(Create("vpc-gammadup", Demo.BetaVpc, Demo.BetaUin, Demo.Shanghai)),
        });
        Api.Error(r, "UnauthorizedOperation.VpcPeerCidrConflict");
    }

    [Fact]
    public async Task Rejected_or_deleted_peerings_no_longer_block_overlapping_peers()
    {
        var seed = Seeds.DemoWith(Seeds.Vpc("beta", Demo.Shanghai, "betadup1", "172.16.8.0/24"));
        await using var emu = await Emulator.StartAsync(o => o.Seed = seed);
        var id = await emu.CreateAlphaToBetaAsync();
        Api.Ok(await emu.Beta("RejectVpcPeeringConnection", new { PeeringConnectionId = id }));
        Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-betadup1", Demo.BetaUin, Demo.Shanghai)));
    }

    [Fact]
    public async Task A_same_account_peering_is_active_at_once_by_default()
    {
        await using var emu = await Emulator.StartAsync();
        var r = Api.Ok(await emu.Beta("CreateVpcPeeringConnection", Create(Demo.BetaVpc, Demo.BetaGuangzhouVpc, Demo.BetaUin, Demo.Guangzhou)));
        Assert.Equal("ACTIVE", emu.Server.Snapshot().Peering(r.Str("PeeringConnectionId"))!.State);
    }

    [Fact]
    public async Task A_same_account_peering_can_be_made_to_wait_for_acceptance_in_the_destination_region()
    {
        await using var emu = await Emulator.StartAsync(o => o.SameAccountPeeringNeedsAcceptance = true);
        var id = Api.Ok(await emu.Beta("CreateVpcPeeringConnection", Create(Demo.BetaVpc, Demo.BetaGuangzhouVpc, Demo.BetaUin, Demo.Guangzhou))).Str("PeeringConnectionId");
        Assert.Equal("PENDING", emu.Server.Snapshot().Peering(id)!.State);
        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }, Demo.Guangzhou));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(2)); // Shanghai → Guangzhou: the cross-region activation
        Assert.Equal("ACTIVE", emu.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task A_vpc_cannot_be_peered_with_itself()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, Demo.AlphaVpc, Demo.AlphaUin, Demo.Guangzhou)), "InvalidParameterValue");
    }

    [Fact]
    public async Task The_destination_vpc_must_belong_to_the_destination_uin_in_the_destination_region()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, Demo.BetaVpc, Demo.BetaUin, Demo.Guangzhou)), "ResourceNotFound");
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, Demo.BetaVpc, "100000000009", Demo.Shanghai)), "ResourceNotFound");
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, "vpc-zzzzzzzz", Demo.BetaUin, Demo.Shanghai)), "ResourceNotFound");
    }

    [Fact]
    public async Task The_source_vpc_must_be_the_callers_in_the_request_region()
    {
        await using var emu = await Emulator.StartAsync();
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, Demo.BetaVpc, Demo.BetaUin, Demo.Shanghai), Demo.Shanghai), "ResourceNotFound");
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.BetaGuangzhouVpc, Demo.BetaVpc, Demo.BetaUin, Demo.Shanghai)), "ResourceNotFound");
    }

    [Fact]
    public async Task Cross_region_settings_and_tags_are_stored_and_shown_as_given_with_the_type_as_the_example_shows_it()
    {
        await using var emu = await Emulator.StartAsync();
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "研发测试使用",
            DestinationVpcId = Demo.BetaVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Shanghai,
            Bandwidth = 100,
            Type = "VPC_PEER",
            ChargeType = "POSTPAID_BY_DAY_MAX",
            QosLevel = "AU",
            Tags = new[] { new { Key = "team", Value = "net" } },
        })).Str("PeeringConnectionId");
        var p = await emu.DescribePeeringAsAlpha(id);
        Assert.Equal("研发测试使用", p.Str("PeeringConnectionName"));
        Assert.Equal(100, p.GetProperty("Bandwidth").GetInt32());
        Assert.Equal("VPC0", p.Str("Type"));
        Assert.Equal("VPC_PEER", emu.Server.Snapshot().Peering(id)!.Type);
        Assert.Equal("POSTPAID_BY_DAY_MAX", p.Str("ChargeType"));
        Assert.Equal("AU", p.Str("QosLevel"));
        Assert.Equal("net", p.GetProperty("TagSet")[0].Str("Value"));
    }

    [Fact]
    public async Task Unknown_enumeration_values_are_invalid_parameter_value()
    {
        await using var emu = await Emulator.StartAsync();
        var body = new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "p",
            DestinationVpcId = Demo.BetaVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Shanghai,
            Bandwidth = 10,
            ChargeType = "FREE",
        };
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", body), "InvalidParameterValue");
    }

    [Fact]
    public async Task Modify_renames_and_changes_bandwidth()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.ActiveAlphaToBetaAsync();
        Api.Ok(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, PeeringConnectionName = "renamed", Bandwidth = 20 }));
        var p = await emu.DescribePeeringAsAlpha(id);
        Assert.Equal("renamed", p.Str("PeeringConnectionName"));
        Assert.Equal(20, p.GetProperty("Bandwidth").GetInt32());
    }

    [Fact]
    public async Task Describe_filters_by_vpc_id_state_and_name_and_pages_with_integer_offset_and_limit()
    {
        var peers = Enumerable.Range(0, 3).Select(i => Seeds.Vpc("beta", Demo.Shanghai, $"peer{i:d4}", $"192.168.{100 + i}.0/24")).ToArray();
        await using var emu = await Emulator.StartAsync(o => o.Seed = Seeds.DemoWith(peers));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", Create(Demo.AlphaVpc, $"vpc-peer{i:d4}", Demo.BetaUin, Demo.Shanghai, $"name{i}"))).Str("PeeringConnectionId"));
        }

        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = ids[1] }));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(2)); // past the cross-region activation

        static object Filter(string name, string value) => new { Filters = new[] { new { Name = name, Values = new[] { value } } } };
        Assert.Equal(3, Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", Filter("vpc-id", Demo.AlphaVpc))).GetProperty("TotalCount").GetInt32());
        Assert.Equal(1, Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", Filter("vpc-id", "vpc-peer0002"))).GetProperty("TotalCount").GetInt32());
        var active = Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", Filter("state", "ACTIVE")));
        Assert.Equal(ids[1], active.GetProperty("PeerConnectionSet")[0].Str("PeeringConnectionId"));
        var named = Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", Filter("peering-connection-name", "name2")));
        Assert.Equal(ids[2], named.GetProperty("PeerConnectionSet")[0].Str("PeeringConnectionId"));

        var page = Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", new { Offset = 1, Limit = 1 }));
        Assert.Equal(3, page.GetProperty("TotalCount").GetInt32());
        Assert.Equal(ids[1], Assert.Single(page.GetProperty("PeerConnectionSet").EnumerateArray()).Str("PeeringConnectionId"));
    }
}
