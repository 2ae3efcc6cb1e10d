using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Tests.Planning;

/// <summary>A topology's plan: its pairs, and the problems only the whole picture shows, found before anything is created.</summary>
public sealed class TopologyPlannerTests
{
    private const string Guangzhou = "ap-guangzhou";
    private const string Shanghai = "ap-shanghai";

    private readonly Dictionary<string, SideFacts> facts = new(StringComparer.Ordinal);

    /// <summary>A member VPC "vpc-{name}" of <paramref name="account"/> with one main table and the given CIDR.</summary>
    private PeeringSide Member(string name, string account, string cidr, string region = Guangzhou, string[]? assistant = null, int routes = 0)
    {
        var vpcId = $"vpc-{name}";
        var table = new RouteTableFacts($"rtb-{name}", Main: true, [],
            [.. Enumerable.Range(0, routes).Select(i => new RouteFacts($"rti-{name}{i}", null, $"192.168.{i}.0/24", "NAT", "nat-00000001", true, "USER"))]);
        facts[vpcId] = new SideFacts(new VpcFacts(vpcId, cidr, assistant ?? []), [table], []);
        return new PeeringSide(region, vpcId, Account: account);
    }

    private void AddLivePeerings(string vpcId, int count) =>
        facts[vpcId] = facts[vpcId] with
        {
            Peerings = [.. facts[vpcId].Peerings, .. Enumerable.Range(0, count).Select(i => new PeeringFacts($"pcx-old{i}", "old", vpcId, $"vpc-other{i}", "ACTIVE", 1, 2))],
        };

    private static TopologyRequest Mesh(params PeeringSide[] members) =>
        new("core", TopologyShapes.Mesh, null, members, new CrossRegionOptions(100, null));

    private TopologyPlan Plan(TopologyRequest request, TencentLimits? limits = null, Dictionary<string, string>? held = null) =>
        TopologyPlanner.Plan(request, facts, account => account == "alpha" ? "100000000001" : "100000000002",
            limits ?? TencentLimits.Defaults, (a, b) => string.CompareOrdinal(a, b) < 0 ? $"peering-{a}-{b}" : $"peering-{b}-{a}", held ?? []);

    [Fact]
    public void A_mesh_of_four_plans_six_pairs_each_initiated_by_the_member_listed_first()
    {
        var request = Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16"),
            Member("c0000001", "alpha", "10.3.0.0/16"), Member("d0000001", "beta", "10.4.0.0/16"));

        var plan = Plan(request);

        Assert.True(plan.Feasible, string.Join(" ", plan.Problems));
        Assert.Equal(6, plan.Pairs.Count);
        Assert.Equal(["vpc-a0000001", "vpc-a0000001", "vpc-a0000001", "vpc-b0000001", "vpc-b0000001", "vpc-c0000001"], plan.Pairs.Select(p => p.Initiator.VpcId));
        Assert.Equal(["vpc-a0000001-vpc-b0000001", "vpc-a0000001-vpc-c0000001"], plan.Pairs.Take(2).Select(p => p.Id["peering-".Length..]));
    }

    [Fact]
    public void Each_receiving_account_gets_one_consent_listing_all_its_pairs()
    {
        var request = Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16"),
            Member("c0000001", "alpha", "10.3.0.0/16"), Member("d0000001", "beta", "10.4.0.0/16"));

        var plan = Plan(request);

        Assert.Equal(["alpha", "beta"], plan.Consents.Select(c => c.Account).Order());
        Assert.Equal(4, plan.Consents.Single(c => c.Account == "beta").PairIds.Count);
        Assert.Equal(2, plan.Consents.Single(c => c.Account == "alpha").PairIds.Count);
    }

    [Fact]
    public void A_hub_and_spoke_peers_the_hub_with_each_spoke_and_the_hub_initiates()
    {
        var hub = Member("hub00001", "alpha", "10.0.0.0/16");
        var request = new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId,
            [Member("s1000001", "beta", "10.1.0.0/16"), hub, Member("s2000001", "beta", "10.2.0.0/16")]);

        var plan = Plan(request);

        Assert.Equal(2, plan.Pairs.Count);
        Assert.All(plan.Pairs, p => Assert.Equal(hub.VpcId, p.Initiator.VpcId));
        Assert.Equal(["vpc-s1000001", "vpc-s2000001"], plan.Pairs.Select(p => p.Receiver.VpcId));
    }

    [Fact]
    public void Excluded_pairs_are_left_out_in_either_order()
    {
        var request = Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16"), Member("c0000001", "beta", "10.3.0.0/16"))
            with { ExcludedPairs = [new VpcPair("vpc-c0000001", "vpc-a0000001")] };

        Assert.Equal(2, Plan(request).Pairs.Count);
        Assert.DoesNotContain(Plan(request).Pairs, p => p.Initiator.VpcId == "vpc-a0000001" && p.Receiver.VpcId == "vpc-c0000001");
    }

    [Fact]
    public void Each_side_of_a_pair_routes_the_peers_primary_CIDR_in_its_route_table()
    {
        var plan = Plan(Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16")));

        var pair = Assert.Single(plan.Pairs);
        Assert.Equal(
            ["alpha rtb-a0000001 10.2.0.0/16", "beta rtb-b0000001 10.1.0.0/16"],
            pair.Routes.Select(r => $"{r.Account} {r.RouteTableId} {string.Join(",", r.DestinationsToAdd)}"));
        Assert.Equal(1, plan.CallsPlanned["CreateVpcPeeringConnection"]);
        Assert.Equal(2, plan.CallsPlanned["CreateRoutes"]);
    }

    [Fact]
    public void Overlapping_members_are_refused_naming_both_CIDRs_including_assistant_ones()
    {
        var plan = Plan(Mesh(Member("a0000001", "alpha", "10.1.0.0/16", assistant: ["10.9.0.0/16"]), Member("b0000001", "beta", "10.9.128.0/20")));

        Assert.False(plan.Feasible);
        Assert.Contains(plan.Problems, p => p.Contains("10.9.0.0/16", StringComparison.Ordinal) && p.Contains("10.9.128.0/20", StringComparison.Ordinal));
    }

    [Fact]
    public void The_peerings_a_topology_adds_to_a_VPC_count_with_its_live_ones_against_the_quota()
    {
        var request = Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16"), Member("c0000001", "beta", "10.3.0.0/16"));
        AddLivePeerings("vpc-a0000001", 9);

        var plan = Plan(request);

        Assert.False(plan.Feasible);
        Assert.Equal(
            ["VPC vpc-a0000001 (alpha/ap-guangzhou/vpc-a0000001) has 9 live peering connections and the topology adds 2: 11, over Tencent's quota of 10 per VPC. " +
             "Leave some of its pairs out (excludedPairs) or delete peerings it no longer needs."],
            plan.Problems);
    }

    [Fact]
    public void Routes_all_pairs_add_to_one_table_count_together_against_its_quota()
    {
        var hub = Member("hub00001", "alpha", "10.0.0.0/16", routes: 8);
        var request = new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId,
            [hub, Member("s1000001", "beta", "10.1.0.0/16"), Member("s2000001", "beta", "10.2.0.0/16")]);

        var plan = Plan(request, new TencentLimits(10, 9));

        Assert.False(plan.Feasible);
        Assert.Contains("Route table rtb-hub00001 of vpc-hub00001 holds 8 of its 9 route entries (Tencent's quota per table); the topology would add 2.",
            string.Join(" ", plan.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_spokes_whose_CIDRs_overlap_cannot_both_be_routed_from_the_hub()
    {
        var hub = Member("hub00001", "alpha", "10.0.0.0/16");
        var request = new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId,
            [hub, Member("s1000001", "beta", "10.1.0.0/16"), Member("s2000001", "beta", "10.1.0.0/24")]);

        var plan = Plan(request);

        Assert.False(plan.Feasible);
        Assert.Contains(plan.Problems, p => p.StartsWith("In vpc-hub00001, the topology routes 10.1.0.0/16 (rtb-hub00001) and 10.1.0.0/24 (rtb-hub00001)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pair_already_peered_by_an_active_peering_of_ours_is_reused_and_asks_no_consent()
    {
        var request = Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16"));

        var plan = Plan(request, held: new() { ["peering-vpc-a0000001-vpc-b0000001"] = PeeringStatus.Active });

        Assert.True(Assert.Single(plan.Pairs).Reused);
        Assert.Empty(plan.Consents);
        Assert.Empty(plan.CallsPlanned);
    }

    [Fact]
    public void A_pair_whose_peering_of_ours_is_still_running_is_refused()
    {
        var request = Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16"));

        var plan = Plan(request, held: new() { ["peering-vpc-a0000001-vpc-b0000001"] = "WaitingForAcceptance" });

        Assert.False(plan.Feasible);
        Assert.Contains("is WaitingForAcceptance", Assert.Single(plan.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_peering_Tencent_already_has_between_two_members_is_reused_not_duplicated()
    {
        var request = Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16"), Member("c0000001", "beta", "10.3.0.0/16"));
        facts["vpc-a0000001"] = facts["vpc-a0000001"] with { Peerings = [new PeeringFacts("pcx-existing", "x", "vpc-a0000001", "vpc-b0000001", "ACTIVE", 1, 2)] };

        var plan = Plan(request);

        Assert.True(plan.Feasible, string.Join(" ", plan.Problems));
        Assert.Equal("pcx-existing", plan.Pairs[0].ExistingPeeringConnectionId);
        Assert.Equal(2, plan.CallsPlanned["CreateVpcPeeringConnection"]);
    }

    [Fact]
    public void A_cross_region_pair_is_marked_and_planned_with_the_topologys_bandwidth()
    {
        var plan = Plan(Mesh(Member("a0000001", "alpha", "10.1.0.0/16"), Member("b0000001", "beta", "10.2.0.0/16", Shanghai)));

        Assert.True(plan.Feasible, string.Join(" ", plan.Problems));
        Assert.True(Assert.Single(plan.Pairs).CrossRegion);
    }
}
