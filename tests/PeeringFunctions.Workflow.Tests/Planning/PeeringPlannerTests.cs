using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Planning;

public sealed class PeeringPlannerTests
{
    private readonly DemoCloud cloud = new();

    private PreflightResult Plan(PeeringRequest request) =>
        PeeringPlanner.Plan(
            request,
            cloud.FactsOf(request.Initiator.Account!, request.Initiator.Region, request.Initiator.VpcId),
            request.Receiver.IsManaged ? cloud.FactsOf(request.Receiver.Account!, request.Receiver.Region, request.Receiver.VpcId, includePeerings: false) : null,
            request.Receiver.ExternalUin ?? BetaUin);

    [Fact]
    public void Default_plan_routes_each_side_to_the_peers_primary_CIDR_and_moves_the_named_subnets()
    {
        var result = Plan(Demo.AlphaToBeta());

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
        var plan = result.Plan!;
        Assert.Null(plan.ExistingPeering);
        Assert.Equal(BetaUin, plan.ReceiverUin);

        Assert.Equal((Alpha, Guangzhou, AlphaVpc, AlphaPcxTable), (plan.Initiator.Account, plan.Initiator.Region, plan.Initiator.VpcId, plan.Initiator.RouteTableId));
        Assert.Equal([BetaCidr], plan.Initiator.Destinations);
        Assert.Equal([BetaCidr], plan.Initiator.DestinationsToAdd);
        Assert.Empty(plan.Initiator.PreexistingRouteItemIds);
        Assert.Equal([new AssociationChange(AlphaWeb, AlphaMainTable, AlphaPcxTable)], plan.Initiator.SubnetMoves);
        Assert.Equal([AlphaWeb], plan.Initiator.SubnetIds);

        var receiver = plan.Receiver!;
        Assert.Equal((Beta, Shanghai, BetaVpc, BetaPcxTable), (receiver.Account, receiver.Region, receiver.VpcId, receiver.RouteTableId));
        Assert.Equal([AlphaCidr], receiver.Destinations);
        Assert.Equal([new AssociationChange(BetaApp, BetaMainTable, BetaPcxTable)], receiver.SubnetMoves);
    }

    [Fact]
    public void Without_a_named_route_table_the_VPCs_main_table_is_used()
    {
        var plan = Plan(Demo.AlphaToBeta(initiator: Demo.AlphaSide(routeTableId: null, subnetIds: [AlphaWeb]))).Plan!;

        Assert.Equal(AlphaMainTable, plan.Initiator.RouteTableId);
        Assert.Empty(plan.Initiator.SubnetMoves); // already on the main table
        Assert.Equal([AlphaWeb], plan.Initiator.SubnetIds);
    }

    [Fact]
    public void A_VPC_without_a_main_table_is_refused_when_no_table_is_named()
    {
        var result = PeeringPlanner.Plan(
            Demo.AlphaToBeta(receiver: Demo.BetaSide(routeTableId: null, subnetIds: [])),
            cloud.FactsOf(Alpha, Guangzhou, AlphaVpc),
            new SideFacts(new VpcFacts(BetaVpc, BetaCidr, []), [], []),
            BetaUin);

        Assert.Equal([$"VPC {BetaVpc} has no main route table."], result.Problems);
    }

    [Fact]
    public void Destinations_may_lie_in_the_peers_assistant_CIDR_and_repeats_are_dropped()
    {
        var plan = Plan(Demo.AlphaToBeta(receiver: Demo.BetaSide(destinations: ["10.11.4.0/24", "10.10.0.0/16", "10.11.4.0/24"]))).Plan!;

        Assert.Equal(["10.11.4.0/24", AlphaCidr], plan.Receiver!.Destinations);
        Assert.Equal(["10.11.4.0/24", AlphaCidr], plan.Receiver.DestinationsToAdd);
    }

    [Fact]
    public void A_subnet_named_twice_is_moved_once()
    {
        var plan = Plan(Demo.AlphaToBeta(initiator: Demo.AlphaSide(subnetIds: [AlphaWeb, AlphaDb, AlphaWeb]))).Plan!;

        Assert.Equal(
            [new AssociationChange(AlphaWeb, AlphaMainTable, AlphaPcxTable), new AssociationChange(AlphaDb, AlphaMainTable, AlphaPcxTable)],
            plan.Initiator.SubnetMoves);
    }

    [Theory]
    [InlineData("PENDING", true)]
    [InlineData("ACTIVE", true)]
    [InlineData("REJECTED", false)]
    [InlineData("EXPIRED", false)]
    [InlineData("DELETED", false)]
    public void Only_a_live_peering_of_the_pair_is_reused(string state, bool reused)
    {
        cloud.AddPeering("pcx-earlier1", Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, state);

        var plan = Plan(Demo.AlphaToBeta()).Plan!;

        Assert.Equal(reused ? "pcx-earlier1" : null, plan.ExistingPeering?.PeeringConnectionId);
    }

    [Fact]
    public void A_live_peering_requested_the_other_way_round_is_also_reused()
    {
        cloud.AddPeering("pcx-reverse1", Beta, Shanghai, BetaVpc, Alpha, Guangzhou, AlphaVpc, "ACTIVE");

        var plan = Plan(Demo.AlphaToBeta()).Plan!;

        Assert.Equal("pcx-reverse1", plan.ExistingPeering?.PeeringConnectionId);
    }

    [Fact]
    public void A_pending_request_that_names_no_peer_VPC_is_never_guessed_to_be_the_pairs()
    {
        // Tencent describes a cross-account request still PENDING without its peer VPC: pre-flight cannot tell whose it
        // is, so it plans a new request; Tencent then answers VpcPeerAlreadyExist if it was the pair's after all.
        var initiator = cloud.FactsOf(Alpha, Guangzhou, AlphaVpc) with
        {
            Peerings =
            [
                new PeeringFacts("pcx-unnamed1", "ours?", AlphaVpc, "", "PENDING", 100000000001, 100000000002),
                new PeeringFacts("pcx-unnamed2", "theirs?", BetaVpc, "", "PENDING", 100000000002, 100000000001),
            ],
        };

        var result = PeeringPlanner.Plan(Demo.AlphaToBeta(), initiator, cloud.FactsOf(Beta, Shanghai, BetaVpc, includePeerings: false), BetaUin);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Null(result.Plan!.ExistingPeering);
    }

    [Fact]
    public void A_live_peering_to_another_VPC_is_not_reused()
    {
        cloud.AddPeering("pcx-gz000001", Alpha, Guangzhou, AlphaVpc, Beta, Guangzhou, BetaGzVpc, "ACTIVE");

        Assert.Null(Plan(Demo.AlphaToBeta()).Plan!.ExistingPeering);
    }

    [Fact]
    public void Routes_already_through_the_reused_peering_are_kept_and_not_added_again()
    {
        cloud.AddPeering("pcx-earlier1", Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        var earlier = cloud.AddRoute(AlphaPcxTable, BetaCidr, "PEERCONNECTION", "pcx-earlier1");

        var plan = Plan(Demo.AlphaToBeta()).Plan!;

        Assert.Equal([BetaCidr], plan.Initiator.Destinations);
        Assert.Empty(plan.Initiator.DestinationsToAdd);
        Assert.Equal([earlier], plan.Initiator.PreexistingRouteItemIds);
        Assert.Equal([AlphaCidr], plan.Receiver!.DestinationsToAdd);
    }

    [Fact]
    public void An_external_receiver_is_planned_on_the_initiators_side_only_with_the_requested_destinations()
    {
        var result = Plan(Demo.AlphaToExternal());

        Assert.True(result.Succeeded);
        Assert.Null(result.Plan!.Receiver);
        Assert.Equal(DemoCloud.ExternalUin, result.Plan.ReceiverUin);
        Assert.Equal(["192.168.100.0/24"], result.Plan.Initiator.DestinationsToAdd);
    }

    [Theory]
    [InlineData("receiver VPC missing", "VPC vpc-beta0001 was not found in beta/ap-shanghai/vpc-beta0001.")]
    [InlineData("initiator VPC missing", "VPC vpc-alpha001 was not found in alpha/ap-guangzhou/vpc-alpha001.")]
    [InlineData("table of another VPC", "Route table rtb-betapcx1 was not found in VPC vpc-alpha001 (alpha/ap-guangzhou/vpc-alpha001).")]
    [InlineData("subnet of another VPC", "Subnet subnet-betaapp1 was not found in VPC vpc-alpha001 (alpha/ap-guangzhou/vpc-alpha001).")]
    [InlineData("primary CIDRs overlap", "CIDR 10.10.0.0/16 of vpc-alpha001 overlaps CIDR 10.10.128.0/20 of vpc-betaover; Tencent refuses peering overlapping VPCs.")]
    [InlineData("assistant CIDR overlaps", "CIDR 10.11.0.0/16 of vpc-alpha001 overlaps CIDR 10.11.0.0/24 of vpc-beta0001; Tencent refuses peering overlapping VPCs.")]
    [InlineData("destination outside the peer", "Destination 172.17.0.0/16 for rtb-alphapcx is not inside the peer VPC's CIDRs (172.16.0.0/16).")]
    [InlineData("destination wider than the peer", "Destination 172.16.0.0/15 for rtb-alphapcx is not inside the peer VPC's CIDRs (172.16.0.0/16).")]
    [InlineData("destination overlapping own CIDR", "Destination 10.10.0.0/24 for rtb-alphapcx overlaps vpc-alpha001's own CIDR 10.10.0.0/16.")]
    [InlineData("destination overlapping own assistant CIDR", "Destination 10.11.0.0/24 for rtb-alphapcx overlaps vpc-alpha001's own CIDR 10.11.0.0/16.")]
    [InlineData("same destination, other next hop", "Route table rtb-alphapcx already routes 172.16.0.0/16 to VPN vpngw-0a1b2c3d.")]
    [InlineData("same destination, other peering", "Route table rtb-alphapcx already routes 172.16.0.0/16 to PEERCONNECTION pcx-other001.")]
    [InlineData("other peering overlaps in another table", "Destination 172.16.0.0/16 overlaps 172.16.0.0/12, already routed to peering pcx-other001 in rtb-alphamai.")]
    [InlineData("other peering overlaps on the receiver", "Destination 10.10.0.0/16 overlaps 10.10.3.0/24, already routed to peering pcx-other001 in rtb-betamain.")]
    public void Pre_flight_refuses_with_a_problem_naming_the_resource_and_the_rule(string scenario, string expectedProblem)
    {
        var request = Demo.AlphaToBeta();
        switch (scenario)
        {
            case "receiver VPC missing": cloud.RemoveVpc(BetaVpc); break;
            case "initiator VPC missing": cloud.RemoveVpc(AlphaVpc); break;
            case "table of another VPC": request = Demo.AlphaToBeta(initiator: Demo.AlphaSide(routeTableId: BetaPcxTable)); break;
            case "subnet of another VPC": request = Demo.AlphaToBeta(initiator: Demo.AlphaSide(subnetIds: [BetaApp])); break;
            case "primary CIDRs overlap": request = Demo.AlphaToBeta(receiver: Demo.BetaSide(BetaOverlapVpc, routeTableId: null, subnetIds: [])); break;
            case "assistant CIDR overlaps": cloud.AddAssistantCidr(BetaVpc, "10.11.0.0/24"); break;
            case "destination outside the peer": request = Demo.AlphaToBeta(initiator: Demo.AlphaSide(destinations: ["172.17.0.0/16"])); break;
            case "destination wider than the peer": request = Demo.AlphaToBeta(initiator: Demo.AlphaSide(destinations: ["172.16.0.0/15"])); break;
            case "destination overlapping own CIDR": request = Demo.AlphaToBeta(initiator: Demo.AlphaSide(destinations: ["10.10.0.0/24"])); break;
            case "destination overlapping own assistant CIDR": request = Demo.AlphaToBeta(initiator: Demo.AlphaSide(destinations: ["10.11.0.0/24"])); break;
            case "same destination, other next hop": cloud.AddRoute(AlphaPcxTable, BetaCidr, "VPN", "vpngw-0a1b2c3d"); break;
            case "same destination, other peering": cloud.AddRoute(AlphaPcxTable, BetaCidr, "PEERCONNECTION", "pcx-other001"); break;
            case "other peering overlaps in another table": cloud.AddRoute(AlphaMainTable, "172.16.0.0/12", "PEERCONNECTION", "pcx-other001"); break;
            case "other peering overlaps on the receiver": cloud.AddRoute(BetaMainTable, "10.10.3.0/24", "PEERCONNECTION", "pcx-other001"); break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null);
        }

        var result = PeeringPlanner.Plan(
            request,
            cloud.FactsOf(request.Initiator.Account!, request.Initiator.Region, request.Initiator.VpcId),
            cloud.FactsOf(request.Receiver.Account!, request.Receiver.Region, request.Receiver.VpcId, includePeerings: false),
            BetaUin);

        Assert.False(result.Succeeded);
        Assert.Null(result.Plan);
        Assert.Contains(expectedProblem, result.Problems);
    }

    [Fact]
    public void A_route_of_another_kind_overlapping_the_destination_is_no_obstacle()
    {
        // only an overlapping route through another *peering* makes traffic ambiguous; a NAT route to a sub-range is the user's choice
        cloud.AddRoute(AlphaMainTable, "172.16.9.0/24", "NAT", "nat-0a1b2c3d");

        Assert.True(Plan(Demo.AlphaToBeta()).Succeeded);
    }

    [Fact]
    public void A_route_through_the_reused_peering_in_another_table_is_no_obstacle()
    {
        cloud.AddPeering("pcx-earlier1", Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        cloud.AddRoute(AlphaMainTable, "172.16.0.0/20", "PEERCONNECTION", "pcx-earlier1");

        var result = Plan(Demo.AlphaToBeta());

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
    }

    [Fact]
    public void A_non_canonical_destination_is_refused_before_anything_is_created()
    {
        var result = Plan(Demo.AlphaToBeta(initiator: Demo.AlphaSide(destinations: ["172.16.1.1/24"])));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains("172.16.1.1/24", StringComparison.Ordinal));
    }
}
