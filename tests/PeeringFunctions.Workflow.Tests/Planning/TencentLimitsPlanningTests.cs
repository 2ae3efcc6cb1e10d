using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Planning;

/// <summary>Pre-flight's checks of Tencent's quotas and cross-region rules (version 3.0 on): refused before anything is created.</summary>
public sealed class TencentLimitsPlanningTests
{
    private readonly DemoCloud cloud = new();

    /// <summary>As pre-flight of version 3.0 reads it: both sides' peerings, and the limits.</summary>
    private PreflightResult Plan(PeeringRequest request, TencentLimits? limits) =>
        PeeringPlanner.Plan(
            request,
            cloud.FactsOf(request.Initiator.Account!, request.Initiator.Region, request.Initiator.VpcId),
            request.Receiver.IsManaged ? cloud.FactsOf(request.Receiver.Account!, request.Receiver.Region, request.Receiver.VpcId) : null,
            request.Receiver.ExternalUin ?? BetaUin,
            limits);

    private static PeeringRequest WithBandwidth(long? mbps) =>
        Demo.AlphaToBeta() with { CrossRegion = mbps is null ? null : new CrossRegionOptions(mbps, "POSTPAID_BY_DAY_MAX") };

    /// <summary>Other VPCs peered with <paramref name="vpcId"/> of <paramref name="account"/> in <paramref name="region"/>, in <paramref name="state"/>.</summary>
    private void AddPeeringsOf(string account, string region, string vpcId, int count, string state = "ACTIVE")
    {
        for (var i = 0; i < count; i++)
        {
            cloud.AddPeering($"pcx-{state[..3].ToLowerInvariant()}{vpcId[4..8]}{i}", account, region, vpcId, Beta, Guangzhou, $"vpc-other{i:d3}", state);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(5001L)]
    public void A_peering_across_regions_without_a_cap_from_1_to_5000_Mbps_is_refused(long? mbps)
    {
        var result = Plan(WithBandwidth(mbps), TencentLimits.Defaults);

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["A peering across regions (ap-guangzhou to ap-shanghai) needs a bandwidth cap: bandwidthMbps from 1 to 5000; Tencent refuses it without one."],
            result.Problems);
    }

    [Fact]
    public void A_peering_across_regions_with_a_cap_is_planned()
    {
        Assert.True(Plan(WithBandwidth(5000), TencentLimits.Defaults).Succeeded);
    }

    [Fact]
    public void A_peering_within_a_region_needs_no_cap()
    {
        var request = new PeeringRequest("same region", Demo.AlphaSide(), new PeeringSide(Guangzhou, BetaGzVpc, Account: Beta, SubnetIds: [BetaGzSubnet]));

        Assert.True(Plan(request, TencentLimits.Defaults).Succeeded);
    }

    [Fact]
    public void Runs_started_before_version_3_check_no_limits_as_they_did_then()
    {
        AddPeeringsOf(Alpha, Guangzhou, AlphaVpc, 10);
        cloud.AddRoute(AlphaPcxTable, "192.168.200.0/24", "NAT", "nat-0a1b2c3d");

        var result = Plan(WithBandwidth(null), limits: null);

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
    }

    [Fact]
    public void Refused_when_the_initiators_VPC_has_its_quota_of_live_peerings()
    {
        AddPeeringsOf(Alpha, Guangzhou, AlphaVpc, 1, "PENDING");
        AddPeeringsOf(Alpha, Guangzhou, AlphaVpc, 1, "ACTIVE");

        var result = Plan(Demo.AlphaToBeta(), new TencentLimits(2, 200));

        Assert.Equal(
            [$"VPC {AlphaVpc} (alpha/ap-guangzhou/{AlphaVpc}) already has 2 live peering connections (PENDING or ACTIVE); Tencent allows 2 per VPC. Delete one it no longer needs first."],
            result.Problems);
    }

    [Fact]
    public void Refused_when_the_receivers_VPC_has_its_quota_of_live_peerings()
    {
        AddPeeringsOf(Beta, Shanghai, BetaVpc, 2);

        var result = Plan(Demo.AlphaToBeta(), new TencentLimits(2, 200));

        Assert.Equal(
            [$"VPC {BetaVpc} (beta/ap-shanghai/{BetaVpc}) already has 2 live peering connections (PENDING or ACTIVE); Tencent allows 2 per VPC. Delete one it no longer needs first."],
            result.Problems);
    }

    [Fact]
    public void Requests_made_to_the_receivers_VPC_that_name_no_peer_VPC_count_toward_its_quota()
    {
        // Read with the receiver VPC's filter, Tencent lists two cross-account requests still PENDING without their peer VPC.
        var request = Demo.AlphaToBeta();
        var receiver = cloud.FactsOf(Beta, Shanghai, BetaVpc) with
        {
            Peerings =
            [
                new("pcx-hidden01", "to beta", "vpc-other001", "", "PENDING", 300000000001, 100000000002),
                new("pcx-hidden02", "to beta", "vpc-other002", "", "PENDING", 300000000002, 100000000002),
            ],
        };

        var result = PeeringPlanner.Plan(request, cloud.FactsOf(Alpha, Guangzhou, AlphaVpc), receiver, BetaUin, new TencentLimits(2, 200));

        Assert.Equal(
            [$"VPC {BetaVpc} (beta/ap-shanghai/{BetaVpc}) already has 2 live peering connections (PENDING or ACTIVE); Tencent allows 2 per VPC. Delete one it no longer needs first."],
            result.Problems);
    }

    [Fact]
    public void Ended_peerings_do_not_count_toward_the_quota()
    {
        AddPeeringsOf(Beta, Shanghai, BetaVpc, 1, "REJECTED");
        AddPeeringsOf(Beta, Shanghai, BetaVpc, 1, "DELETED");
        AddPeeringsOf(Beta, Shanghai, BetaVpc, 1, "EXPIRED");
        AddPeeringsOf(Beta, Shanghai, BetaVpc, 1, "ACTIVE");

        Assert.True(Plan(Demo.AlphaToBeta(), new TencentLimits(2, 200)).Succeeded);
    }

    [Fact]
    public void The_pairs_own_live_peering_is_reused_so_a_full_quota_is_no_obstacle()
    {
        cloud.AddPeering("pcx-earlier1", Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        AddPeeringsOf(Alpha, Guangzhou, AlphaVpc, 1);

        var result = Plan(Demo.AlphaToBeta(), new TencentLimits(2, 200));

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        Assert.Equal("pcx-earlier1", result.Plan!.ExistingPeering?.PeeringConnectionId);
    }

    [Fact]
    public void Refused_when_a_route_table_lacks_room_for_the_routes_we_would_add_counting_every_entry_in_it()
    {
        cloud.AddRoute(BetaPcxTable, "192.168.200.0/24", "NAT", "nat-0a1b2c3d");
        cloud.AddRoute(BetaPcxTable, "192.168.201.0/24", "VPN", "vpngw-0a1b2c3d");
        var request = Demo.AlphaToBeta(receiver: Demo.BetaSide(destinations: [AlphaCidr, AlphaAssistantCidr]));

        var result = Plan(request, new TencentLimits(10, 3));

        Assert.Equal(
            [$"Route table {BetaPcxTable} holds 2 of its 3 route entries (Tencent's quota per table); this peering would add 2. Remove unused routes or choose another route table."],
            result.Problems);
    }

    [Fact]
    public void A_route_table_with_exactly_enough_room_is_planned_its_own_local_route_not_counted()
    {
        cloud.AddRoute(AlphaPcxTable, "192.168.200.0/24", "NAT", "nat-0a1b2c3d");

        Assert.True(Plan(Demo.AlphaToBeta(), new TencentLimits(10, 2)).Succeeded);
    }

    [Fact]
    public void Routes_already_through_the_reused_peering_need_no_room()
    {
        cloud.AddPeering("pcx-earlier1", Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        cloud.AddRoute(AlphaPcxTable, BetaCidr, "PEERCONNECTION", "pcx-earlier1");

        var result = Plan(Demo.AlphaToBeta(), new TencentLimits(10, 1));

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        Assert.Empty(result.Plan!.Initiator.DestinationsToAdd);
    }
}
