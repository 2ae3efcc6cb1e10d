using System.Globalization;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>The peering actions' success paths (spec §4.1–4.7), each checked against the emulator's own state.</summary>
public sealed class PeeringActionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public PeeringActionTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    [Fact]
    public async Task CreateVpcPeeringConnection_returns_a_pcx_id_that_the_emulator_holds_pending_with_the_right_uins_and_regions()
    {
        var request = Scenario.AlphaToBeta("conformance-create");
        request.Bandwidth = 100;
        request.Type = PeeringConnectionTypes.VpcPeer;
        request.ChargeType = PeeringChargeTypes.PostpaidByDayMax;
        request.QosLevel = "AU";
        request.Tags = [new Tag { Key = "owner", Value = "conformance" }];

        var response = await _f.Alpha().CreateVpcPeeringConnection(request);

        Assert.Matches("^pcx-[a-z0-9]{8}$", response.PeeringConnectionId);
        Assert.True(Guid.TryParse(response.RequestId, out _));
        var held = _f.Server.Snapshot().Peering(response.PeeringConnectionId!);
        Assert.NotNull(held);
        Assert.Equal("PENDING", held.State);
        Assert.Equal("conformance-create", held.Name);
        Assert.Equal(World.AlphaVpc, held.SourceVpcId);
        Assert.Equal(World.Alpha.Uin, held.SourceUin);
        Assert.Equal(World.Guangzhou, held.SourceRegion);
        Assert.Equal(World.BetaVpc, held.DestinationVpcId);
        Assert.Equal(World.Beta.Uin, held.DestinationUin);
        Assert.Equal(World.Shanghai, held.DestinationRegion);
        Assert.Equal(100, held.Bandwidth);
        Assert.Equal("VPC_PEER", held.Type);
        Assert.Equal("POSTPAID_BY_DAY_MAX", held.ChargeType);
        Assert.Equal("AU", held.QosLevel);
        Assert.Equal([new TencentVpcEmulator.TagState("owner", "conformance")], held.Tags);
    }

    [Fact]
    public async Task DescribeVpcPeeringConnections_maps_the_emulators_short_region_codes_to_long_names_and_reads_integer_uins()
    {
        var request = Scenario.AlphaToBeta("described");
        request.Tags = [new Tag { Key = "k", Value = "v" }];
        var id = (await _f.Alpha().CreateVpcPeeringConnection(request)).PeeringConnectionId!;
        var held = _f.Server.Snapshot().Peering(id)!;

        foreach (var client in new[] { _f.Alpha(), _f.Beta() })
        {
            var p = await client.DescribeOneAsync(id);

            Assert.Equal(id, p.PeeringConnectionId);
            Assert.Equal("described", p.PeeringConnectionName);
            Assert.Equal(held.State, p.State);
            Assert.Equal(held.SourceVpcId, p.SourceVpcId);

            // A cross-account request still PENDING names no peer VPC, as Tencent's example shows.
            Assert.Null(p.PeerVpcId);
            Assert.Null(p.DestinationVpcId);

            // The wire carries "gz"/"sh" (spec §0.10); the client exposes the long names the snapshot holds.
            Assert.Equal(held.SourceRegion, p.SourceRegion);
            Assert.Equal(held.DestinationRegion, p.DestinationRegion);
            Assert.Equal(World.Guangzhou, p.SourceRegion);
            Assert.Equal(World.Shanghai, p.DestinationRegion);

            // Integers on the wire, above 2^31.
            Assert.Equal(held.SourceUin, p.SourceUin);
            Assert.Equal(held.DestinationUin, p.DestinationUin);
            Assert.Equal(World.Alpha.AppId, p.AppId);
            Assert.Equal(World.Beta.AppId, p.PeerAppId);

            Assert.True(DateTime.TryParseExact(p.CreateTime, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), p.CreateTime);
            Assert.Equal(held.Bandwidth, p.Bandwidth);
            Assert.Equal("VPC0", p.Type); // the record's VPC_PEER, as the official example prints it
            Assert.Equal(PeeringChargeTypes.PostpaidByDayMax, p.ChargeType);
            Assert.False(p.IsNgw);
            Assert.Equal("k", Assert.Single(p.TagSet!).Key);
        }

        await _f.Beta().AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = id });
        _f.PassActivation();
        foreach (var client in new[] { _f.Alpha(), _f.Beta() })
        {
            var p = await client.DescribeOneAsync(id);
            Assert.Equal(held.DestinationVpcId, p.PeerVpcId);
            Assert.Equal(held.DestinationVpcId, p.DestinationVpcId);
        }
    }

    public static TheoryData<int> RegionIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < World.AllRegions.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegionIndexes))]
    public async Task Every_short_region_code_the_emulator_prints_comes_back_as_the_long_name_the_request_used(int index)
    {
        var (region, shortCode) = World.AllRegions[index];
        var delta = _f.Client(World.Delta, region);
        var id = (await delta.CreateVpcPeeringConnection(
            Scenario.Request(World.DeltaVpc(index), World.AlphaVpc, World.Alpha, World.Guangzhou, "region-" + shortCode))).PeeringConnectionId!;

        var asInitiator = await delta.DescribeOneAsync(id);
        var asReceiver = await _f.Alpha().DescribeOneAsync(id);

        foreach (var p in new[] { asInitiator, asReceiver })
        {
            Assert.Equal(region, p.SourceRegion);
            Assert.Equal(World.Guangzhou, p.DestinationRegion);
            Assert.True(TencentRegions.AreSame(shortCode, p.SourceRegion));
        }

        Assert.Equal(region, _f.Server.Snapshot().Peering(id)!.SourceRegion);
    }

    [Fact]
    public void Every_region_the_client_knows_is_a_region_the_emulator_serves_and_back()
    {
        Assert.Equal(TencentRegions.LongNames.Order(StringComparer.Ordinal), TencentVpcEmulator.TencentVpcEmulatorServer.SupportedRegions.Order(StringComparer.Ordinal));

        // And the theory above peers from each of them, so their short codes agree too.
        Assert.Equal(TencentRegions.LongNames.Order(StringComparer.Ordinal), World.AllRegions.Select(r => r.Region).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AcceptVpcPeeringConnection_by_the_receiver_makes_the_peering_active_for_both_sides()
    {
        var id = await _f.RequestAlphaToBetaAsync();

        var response = await _f.Beta().AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = id });

        Assert.True(Guid.TryParse(response.RequestId, out _));
        Assert.Equal(PeeringConnectionStates.Pending, (await _f.Alpha().DescribeOneAsync(id)).State); // activating across regions
        _f.PassActivation();
        Assert.Equal("ACTIVE", _f.Server.Snapshot().Peering(id)!.State);
        Assert.Equal(PeeringConnectionStates.Active, (await _f.Alpha().DescribeOneAsync(id)).State);
        Assert.Equal(PeeringConnectionStates.Active, (await _f.Beta().DescribeOneAsync(id)).State);
    }

    [Fact]
    public async Task RejectVpcPeeringConnection_by_the_receiver_leaves_the_peering_rejected()
    {
        var id = await _f.RequestAlphaToBetaAsync();

        var response = await _f.Beta().RejectVpcPeeringConnection(new RejectVpcPeeringConnectionRequest { PeeringConnectionId = id });

        Assert.True(Guid.TryParse(response.RequestId, out _));
        Assert.Equal("REJECTED", _f.Server.Snapshot().Peering(id)!.State);
        Assert.Equal(PeeringConnectionStates.Rejected, (await _f.Alpha().DescribeOneAsync(id)).State);
    }

    [Fact]
    public async Task DeleteVpcPeeringConnection_by_the_initiator_marks_an_active_peering_deleted()
    {
        var id = await _f.ActiveAlphaToBetaAsync();

        var response = await _f.Alpha().DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = id });

        Assert.True(Guid.TryParse(response.RequestId, out _));
        Assert.Equal("DELETED", _f.Server.Snapshot().Peering(id)!.State);
        Assert.Equal(PeeringConnectionStates.Deleted, (await _f.Beta().DescribeOneAsync(id)).State);
    }

    [Fact]
    public async Task A_same_account_peering_is_active_at_once_without_an_accept()
    {
        var beta = _f.Beta(World.Shanghai);
        var id = (await beta.CreateVpcPeeringConnection(
            Scenario.Request(World.BetaVpc, World.BetaGuangzhouVpc, World.Beta, World.Guangzhou, "beta-internal"))).PeeringConnectionId!;

        Assert.Equal("ACTIVE", _f.Server.Snapshot().Peering(id)!.State);
        var p = await _f.Beta(World.Guangzhou).DescribeOneAsync(id);
        Assert.Equal(PeeringConnectionStates.Active, p.State);
        Assert.Equal(World.Beta.Uin, p.SourceUin);
        Assert.Equal(World.Beta.Uin, p.DestinationUin);
        Assert.Equal(World.Shanghai, p.SourceRegion);
        Assert.Equal(World.Guangzhou, p.DestinationRegion);
    }

    [Fact]
    public async Task DescribeVpcPeeringConnections_pages_with_integer_offset_and_limit_until_total_count()
    {
        var alpha = _f.Alpha();
        var created = new List<string>
        {
            await _f.RequestAlphaToBetaAsync("page-1"),
            (await alpha.CreateVpcPeeringConnection(Scenario.Request(World.AlphaVpc, World.BetaGuangzhouVpc, World.Beta, World.Guangzhou, "page-2"))).PeeringConnectionId!,
            (await alpha.CreateVpcPeeringConnection(Scenario.Request(World.AlphaVpc, World.GammaVpc, World.Gamma, World.Guangzhou, "page-3"))).PeeringConnectionId!,
        };

        var seen = new List<string>();
        long? total = null;
        for (long offset = 0; total is null || offset < total; offset += 2)
        {
            var page = await alpha.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest { Offset = offset, Limit = 2 });
            total = page.TotalCount;
            Assert.InRange(page.PeerConnectionSet!.Length, 1, 2);
            seen.AddRange(page.PeerConnectionSet.Select(p => p.PeeringConnectionId!));
        }

        Assert.Equal(3, total);
        Assert.Equal(created, seen);
        var emulatorView = _f.Server.Snapshot().Peerings.Where(p => p.SourceAccount == "alpha").Select(p => p.PeeringConnectionId);
        Assert.Equal(emulatorView.Order(), seen.Order());
    }

    [Fact]
    public async Task DescribeVpcPeeringConnections_filters_by_state_vpc_id_and_name_and_orders_by_name()
    {
        var alpha = _f.Alpha();
        var active = await _f.ActiveAlphaToBetaAsync("b-active");
        var pending = (await alpha.CreateVpcPeeringConnection(Scenario.Request(World.AlphaVpc, World.GammaVpc, World.Gamma, World.Guangzhou, "a-pending"))).PeeringConnectionId!;

        var byState = await alpha.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter { Name = "state", Values = ["ACTIVE"] }],
        });
        Assert.Equal(active, Assert.Single(byState.PeerConnectionSet!).PeeringConnectionId);

        var byVpc = await _f.Client(World.Gamma, World.Guangzhou, token: World.GammaToken).DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter { Name = "vpc-id", Values = [World.GammaVpc] }],
        });
        Assert.Equal(pending, Assert.Single(byVpc.PeerConnectionSet!).PeeringConnectionId);

        var byName = await alpha.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter { Name = "peering-connection-name", Values = ["b-active", "no-such-name"] }],
        });
        Assert.Equal(active, Assert.Single(byName.PeerConnectionSet!).PeeringConnectionId);

        var ordered = await alpha.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            OrderField = "PeeringConnectionName",
            OrderDirection = "DESC",
        });
        Assert.Equal(["b-active", "a-pending"], ordered.PeerConnectionSet!.Select(p => p.PeeringConnectionName!));
        Assert.Equal(2, ordered.TotalCount);
    }
}
