using PeeringFunctions.Peerings.Watching;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;
using static PeeringFunctions.Peerings.Tests.Watching.WatchedWorld;

namespace PeeringFunctions.Peerings.Tests.Watching;

/// <summary>What the detector finds for each kind of drift, in plain words naming the table, route, subnet or pcx.</summary>
public sealed class DriftDetectorTests
{
    [Fact]
    public void A_peering_as_the_registry_wants_it_has_no_findings()
    {
        Assert.Empty(Healthy().Detect().Findings);
    }

    [Theory]
    [InlineData("DELETED")]
    [InlineData("EXPIRED")]
    [InlineData("ISOLATED")]
    [InlineData("REJECTED")]
    public void A_peering_no_longer_active_on_tencent_is_gone_and_its_missing_routes_are_not_reported_beside_it(string state)
    {
        var world = Healthy();
        world.Peerings[Pcx] = world.Peerings[Pcx] with { State = state };
        world.Tables["rtb-alphapcx"] = Table("rtb-alphapcx", ["subnet-alphaweb"]);

        var finding = Assert.Single(world.Detect().Findings);

        Assert.Equal((DriftKinds.PeeringGone, FindingSides.Peering, Pcx), (finding.Kind, finding.Side, finding.Subject));
        Assert.Equal($"Peering connection {Pcx} is {state} on Tencent, no longer ACTIVE.", finding.Description);
    }

    [Fact]
    public void A_peering_tencent_no_longer_shows_is_gone()
    {
        var world = Healthy();
        world.Peerings.Clear();

        var finding = Assert.Single(world.Detect().Findings);

        Assert.Equal(DriftKinds.PeeringGone, finding.Kind);
        Assert.Contains("no longer visible to alpha", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_route_is_missing_naming_the_destination_the_table_and_the_pcx()
    {
        var world = Healthy();
        world.Tables["rtb-betapcx1"] = Table("rtb-betapcx1", []);

        var finding = Assert.Single(world.Detect().Findings);

        Assert.Equal((DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16"), (finding.Kind, finding.Side, finding.Subject));
        Assert.Equal($"The route to 10.10.0.0/16 through {Pcx} is missing from route table rtb-betapcx1 of vpc-beta0001 (beta).", finding.Description);
    }

    [Fact]
    public void A_disabled_route_is_disabled_naming_its_route_item()
    {
        var world = Healthy();
        world.Tables["rtb-alphapcx"] = Table("rtb-alphapcx", ["subnet-alphaweb"], Route("rti-alpha001", "172.16.0.0/16", Pcx, enabled: false));

        var finding = Assert.Single(world.Detect().Findings);

        Assert.Equal((DriftKinds.RouteDisabled, FindingSides.Initiator, "172.16.0.0/16"), (finding.Kind, finding.Side, finding.Subject));
        Assert.Contains("is disabled (route rti-alpha001)", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_pointed_at_another_next_hop_is_redirected_and_says_it_is_never_put_back()
    {
        var world = Healthy();
        world.Tables["rtb-alphapcx"] = Table("rtb-alphapcx", ["subnet-alphaweb"],
            new RouteFacts("rti-alpha001", 1, "172.16.0.0/16", "NAT", "nat-12345678", true, "USER"));

        var finding = Assert.Single(world.Detect().Findings);

        Assert.Equal(DriftKinds.RouteRedirected, finding.Kind);
        Assert.Contains("now goes to NAT nat-12345678, not pcx-healthy1", finding.Description, StringComparison.Ordinal);
        Assert.Contains("never put back", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_table_that_no_longer_exists_leaves_each_of_its_routes_missing()
    {
        var world = Healthy();
        world.Tables.Remove("rtb-betapcx1");

        var finding = Assert.Single(world.Detect().Findings);

        Assert.Equal(DriftKinds.RouteMissing, finding.Kind);
        Assert.Contains("rtb-betapcx1 of vpc-beta0001 (beta) no longer exists", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subnet_moved_back_to_its_previous_table_is_moved_and_a_deleted_subnet_is_not()
    {
        var world = Healthy();
        world.Subnets["subnet-alphaweb"] = new SubnetFacts("subnet-alphaweb", "vpc-alpha001", "rtb-alphamai");

        var finding = Assert.Single(world.Detect().Findings);
        Assert.Equal((DriftKinds.SubnetMoved, FindingSides.Initiator, "subnet-alphaweb"), (finding.Kind, finding.Side, finding.Subject));
        Assert.Equal("Subnet subnet-alphaweb of vpc-alpha001 is back on its previous route table rtb-alphamai, no longer on rtb-alphapcx with the peering's routes.",
            finding.Description);

        world.Subnets.Clear();
        Assert.Empty(world.Detect().Findings);
    }

    [Fact]
    public void A_subnet_that_was_on_the_routed_table_when_the_peering_was_adopted_and_is_moved_off_it_is_moved()
    {
        var world = Healthy();
        var adopted = world.Record with
        {
            Initiator = world.Record.Initiator with { AssociationChanges = [], KeptSubnetIds = ["subnet-alphaweb"] },
        };
        world.Subnets["subnet-alphaweb"] = new SubnetFacts("subnet-alphaweb", "vpc-alpha001", "rtb-alphamai");

        var finding = Assert.Single(DriftDetector.Detect(adopted, world.Facts, KnownAtFirstCheck, Now).Findings);

        Assert.Equal((DriftKinds.SubnetMoved, FindingSides.Initiator, "subnet-alphaweb"), (finding.Kind, finding.Side, finding.Subject));
        Assert.Equal("Subnet subnet-alphaweb of vpc-alpha001 is now on route table rtb-alphamai, no longer on rtb-alphapcx with the peering's routes.",
            finding.Description);
    }

    [Fact]
    public void An_assistant_cidr_the_peer_vpc_gained_is_added_naming_the_side_of_that_vpc_and_the_table_whose_routes_do_not_cover_it()
    {
        var world = Healthy();
        world.Vpcs["vpc-beta0001"] = new VpcFacts("vpc-beta0001", "172.16.0.0/16", ["172.17.0.0/16"]);

        var check = world.Detect();

        var finding = Assert.Single(check.Findings);
        // The receiver's VPC gained it; the repair routes it from the initiator's table (RepairTargets.SideOf).
        Assert.Equal((DriftKinds.CidrAdded, FindingSides.Receiver, "172.17.0.0/16"), (finding.Kind, finding.Side, finding.Subject));
        Assert.Contains("VPC vpc-beta0001 gained the CIDR 172.17.0.0/16, which the routes of rtb-alphapcx (vpc-alpha001) do not cover", finding.Description, StringComparison.Ordinal);
        // Not accepted as known: the next check finds it again until routes cover it.
        Assert.DoesNotContain("172.17.0.0/16", check.KnownVpcCidrs["vpc-beta0001"]);
    }

    [Fact]
    public void A_cidr_left_out_of_the_routes_before_the_first_check_is_accepted_as_it_is_not_reported_as_added()
    {
        var world = Healthy();
        world.Vpcs["vpc-beta0001"] = new VpcFacts("vpc-beta0001", "172.16.0.0/16", ["172.17.0.0/16"]);

        var first = world.Detect(known: new Dictionary<string, IReadOnlyList<string>>());
        var firstEver = DriftDetector.Detect(world.Record, world.Facts, known: null, Now);
        var later = world.Detect(known: firstEver.KnownVpcCidrs);

        Assert.Empty(firstEver.Findings);
        Assert.Empty(first.Findings); // no record of that VPC yet: its CIDRs are taken as they are
        Assert.Contains("172.17.0.0/16", firstEver.KnownVpcCidrs["vpc-beta0001"]);
        Assert.Empty(later.Findings);
    }

    [Fact]
    public void A_destination_no_longer_inside_the_peer_vpc_is_removed()
    {
        var world = Healthy();
        var record = world.Record with { Initiator = world.Record.Initiator with { Destinations = ["172.16.0.0/16", "172.17.0.0/16"] } };
        world.Tables["rtb-alphapcx"] = Table("rtb-alphapcx", ["subnet-alphaweb"],
            Route("rti-alpha001", "172.16.0.0/16", Pcx), Route("rti-alpha002", "172.17.0.0/16", Pcx));

        var finding = Assert.Single(DriftDetector.Detect(record, world.Facts, KnownAtFirstCheck, Now).Findings);

        Assert.Equal((DriftKinds.CidrRemoved, FindingSides.Receiver, "172.17.0.0/16"), (finding.Kind, finding.Side, finding.Subject));
        Assert.Equal("rtb-alphapcx (vpc-alpha001) still routes 172.17.0.0/16, which is no longer inside any CIDR of VPC vpc-beta0001 (172.16.0.0/16).",
            finding.Description);
    }

    [Fact]
    public void An_external_receivers_side_is_not_checked_and_its_cidrs_are_not_compared()
    {
        var world = Healthy();
        var record = world.Record with { Receiver = world.Record.Receiver with { Account = null, Uin = "100000000002", RouteTableId = null, Destinations = [] } };
        world.Vpcs.Remove("vpc-beta0001");
        world.Tables.Remove("rtb-betapcx1");

        var check = DriftDetector.Detect(record, world.Facts, null, Now);

        Assert.Empty(check.Findings);
        Assert.Empty(check.KnownVpcCidrs);
    }
}
