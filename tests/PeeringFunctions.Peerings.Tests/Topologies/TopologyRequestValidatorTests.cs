using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Peerings.Tests.Topologies;

/// <summary>Bad topology input is refused naming each problem, before any Tencent call.</summary>
public sealed class TopologyRequestValidatorTests
{
    private static readonly Func<string, bool> Managed = account => account is "alpha" or "beta" or "gamma";

    private static SideBody Member(string vpc, string account = "alpha", string region = "ap-guangzhou") =>
        new() { Account = account, Region = region, VpcId = vpc };

    private static TopologyRequestBody Mesh(params SideBody[] members) => new() { Name = "core", Shape = "mesh", Members = [.. members] };

    private static IReadOnlyList<FieldProblem> ProblemsOf(TopologyRequestBody body, TencentLimits? limits = null)
    {
        var (request, problems) = TopologyRequestValidator.Validate(body, Managed, limits ?? TencentLimits.Defaults);
        Assert.Null(request);
        return problems;
    }

    [Fact]
    public void A_mesh_of_managed_members_becomes_a_request()
    {
        var (request, problems) = TopologyRequestValidator.Validate(
            Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "beta")), Managed, TencentLimits.Defaults);

        Assert.Empty(problems);
        Assert.Equal(("core", TopologyShapes.Mesh), (request!.Name, request.Shape));
        Assert.Equal(["vpc-a0000001", "vpc-b0000001"], request.Members.Select(m => m.VpcId));
    }

    [Fact]
    public void Fewer_than_two_members_is_refused()
    {
        Assert.Contains(new FieldProblem("members", "must list at least two VPCs"), ProblemsOf(Mesh(Member("vpc-a0000001"))));
    }

    [Fact]
    public void A_VPC_listed_twice_is_refused_naming_both_places()
    {
        Assert.Contains(new FieldProblem("members[2].vpcId", "'vpc-a0000001' is listed twice (also members[0])"),
            ProblemsOf(Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "beta"), Member("vpc-a0000001"))));
    }

    [Fact]
    public void A_hub_that_is_not_a_member_is_refused()
    {
        var body = Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "beta"));
        body.Shape = "hub-and-spoke";
        body.Hub = "vpc-zzzzzzzz";

        Assert.Contains(new FieldProblem("hub", "'vpc-zzzzzzzz' is not one of the members' VPCs"), ProblemsOf(body));
    }

    [Fact]
    public void A_member_of_an_unknown_account_is_refused()
    {
        Assert.Contains(new FieldProblem("members[1].account", "'delta' is not a configured account"),
            ProblemsOf(Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "delta"))));
    }

    [Fact]
    public void An_unknown_shape_is_refused_naming_the_shapes()
    {
        var body = Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "beta"));
        body.Shape = "ring";

        Assert.Contains(new FieldProblem("shape", "'ring' is not a shape: one of mesh, hub-and-spoke"), ProblemsOf(body));
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var body = new TopologyRequestBody { Name = "Core Mesh!", Shape = "ring", Members = [Member("vpc-a0000001", "delta")] };

        Assert.Equal(["name", "shape", "members", "members[0].account"], ProblemsOf(body).Select(p => p.Field));
    }

    [Fact]
    public void A_mesh_giving_one_VPC_more_pairs_than_Tencents_peering_quota_is_refused_before_any_call()
    {
        var members = Enumerable.Range(0, 12).Select(i => Member($"vpc-m{i:d7}", i % 2 == 0 ? "alpha" : "beta")).ToArray();

        var problems = ProblemsOf(Mesh(members));

        Assert.Equal(12, problems.Count);
        Assert.Equal(new FieldProblem("members[0]", "vpc-m0000000 would be in 11 peerings; Tencent allows 10 per VPC. Use fewer members, a hub-and-spoke, or excludedPairs."), problems[0]);
    }

    [Fact]
    public void An_eleven_VPC_mesh_puts_every_VPC_at_the_quota_and_is_allowed()
    {
        var members = Enumerable.Range(0, 11).Select(i => Member($"vpc-m{i:d7}", "alpha")).ToArray();

        var (request, problems) = TopologyRequestValidator.Validate(Mesh(members), Managed, TencentLimits.Defaults);

        Assert.Empty(problems);
        Assert.Equal(55, TopologyPlanner.PairsOf(request!).Count);
    }

    [Fact]
    public void Pairs_across_regions_need_a_bandwidth_cap()
    {
        var problems = ProblemsOf(Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "beta", "ap-shanghai")));

        Assert.Equal("bandwidthMbps", Assert.Single(problems).Field);
        Assert.Contains("(ap-guangzhou to ap-shanghai)", problems[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excluded_pair_must_name_two_members()
    {
        var body = Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "beta"), Member("vpc-c0000001", "beta"));
        body.ExcludedPairs = [["vpc-a0000001", "vpc-zzzzzzzz"], ["vpc-a0000001"]];

        Assert.Equal(
            [new FieldProblem("excludedPairs[0]", "'vpc-zzzzzzzz' is not one of the members' VPCs"), new FieldProblem("excludedPairs[1]", "must be two different member VPC ids")],
            ProblemsOf(body));
    }

    [Fact]
    public void Destination_CIDRs_on_a_member_are_refused_as_each_pair_routes_its_peers_CIDR()
    {
        var member = Member("vpc-a0000001");
        member.DestinationCidrs = ["10.0.0.0/16"];

        Assert.Contains(new FieldProblem("members[0].destinationCidrs", "is not allowed in a topology: each pair routes the peer VPC's primary CIDR"),
            ProblemsOf(Mesh(member, Member("vpc-b0000001", "beta"))));
    }

    [Fact]
    public void A_member_added_to_a_mesh_joins_its_members_and_must_keep_every_VPC_inside_the_quota()
    {
        var members = Enumerable.Range(0, 11).Select(i => Member($"vpc-m{i:d7}", "alpha")).ToArray();
        var (ten, _) = TopologyRequestValidator.Validate(Mesh(members[..10]), Managed, TencentLimits.Defaults);

        var (grown, problems) = TopologyRequestValidator.ValidateAddition(ten!, members[10], Managed, TencentLimits.Defaults);
        Assert.Empty(problems);
        Assert.Equal(11, grown!.Members.Count);

        var (refused, tooMany) = TopologyRequestValidator.ValidateAddition(grown, Member("vpc-m9999999", "beta"), Managed, TencentLimits.Defaults);
        Assert.Null(refused);
        Assert.Contains(tooMany, p => p.Rule.StartsWith("vpc-m0000000 would be in 11 peerings", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_already_in_the_topology_or_of_an_unknown_account_is_refused()
    {
        var (topology, _) = TopologyRequestValidator.Validate(Mesh(Member("vpc-a0000001"), Member("vpc-b0000001", "beta")), Managed, TencentLimits.Defaults);

        Assert.Equal([new FieldProblem("member.vpcId", "'vpc-a0000001' is a member of the topology already")],
            TopologyRequestValidator.ValidateAddition(topology!, Member("vpc-a0000001"), Managed, TencentLimits.Defaults).Problems);
        Assert.Equal([new FieldProblem("member.account", "'delta' is not a configured account")],
            TopologyRequestValidator.ValidateAddition(topology!, Member("vpc-c0000001", "delta"), Managed, TencentLimits.Defaults).Problems);
    }
}
