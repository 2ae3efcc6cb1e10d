using System.Text.Json;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentAccess.Tests.Facts;

public sealed class TencentMappingTests
{
    [Fact]
    public void A_route_table_keeps_its_id_main_flag_associated_subnets_and_routes()
    {
        var table = new RouteTable
        {
            RouteTableId = "rtb-alpha001",
            Main = true,
            AssociationSet = [new RouteTableAssociation { SubnetId = "subnet-a" }, new RouteTableAssociation { SubnetId = null }],
            RouteSet =
            [
                new Route
                {
                    RouteItemId = "rti-1", RouteId = 7, DestinationCidrBlock = "10.1.0.0/16", GatewayType = "PEERCONNECTION",
                    GatewayId = "pcx-1", Enabled = false, RouteType = "USER",
                },
            ],
        };

        var facts = table.ToFacts();

        Assert.Equal("rtb-alpha001", facts.RouteTableId);
        Assert.True(facts.Main);
        Assert.Equal(["subnet-a"], facts.AssociatedSubnetIds);
        Assert.Equal(new RouteFacts("rti-1", 7, "10.1.0.0/16", "PEERCONNECTION", "pcx-1", false, "USER"), Assert.Single(facts.Routes));
    }

    [Fact]
    public void Missing_fields_become_empty_strings_a_table_that_is_not_main_and_an_enabled_route()
    {
        var facts = new RouteTable { RouteSet = [new Route()] }.ToFacts();

        Assert.Equal(("", false), (facts.RouteTableId, facts.Main));
        Assert.Empty(facts.AssociatedSubnetIds);
        Assert.Equal(new RouteFacts(null, null, "", "", "", true, null), Assert.Single(facts.Routes));
    }

    [Fact]
    public void A_vpc_keeps_every_secondary_cidr_and_without_an_id_or_cidr_is_nothing()
    {
        var vpc = new Vpc
        {
            VpcId = "vpc-alpha001",
            CidrBlock = "10.0.0.0/16",
            AssistantCidrSet = [new AssistantCidr { CidrBlock = "10.8.0.0/16", AssistantType = 0 }, new AssistantCidr { CidrBlock = "10.9.0.0/16", AssistantType = 1 }],
        };

        var facts = vpc.ToFacts();

        Assert.Equal("vpc-alpha001", facts?.VpcId);
        Assert.Equal(["10.0.0.0/16", "10.8.0.0/16", "10.9.0.0/16"], facts?.AllCidrs);
        Assert.Null(new Vpc { VpcId = "vpc-alpha001" }.ToFacts());
        Assert.Null(new Vpc { CidrBlock = "10.0.0.0/16" }.ToFacts());
    }

    [Fact]
    public void A_peering_takes_its_destination_from_PeerVpcId_when_DestinationVpcId_is_missing()
    {
        var peering = new PeerConnection
        {
            PeeringConnectionId = "pcx-1", PeeringConnectionName = "alpha-beta", SourceVpcId = "vpc-a", PeerVpcId = "vpc-b",
            State = "PENDING", SourceUin = 100000000001, DestinationUin = 100000000002,
        };

        Assert.Equal(new PeeringFacts("pcx-1", "alpha-beta", "vpc-a", "vpc-b", "PENDING", 100000000001, 100000000002), peering.ToFacts());
        Assert.Equal(new PeeringFacts("", "", "", "", "", null, null), new PeerConnection().ToFacts());
    }

    [Fact]
    public void A_peering_carries_its_bandwidth_and_both_regions_and_knows_when_it_is_intra_region()
    {
        var crossRegion = new PeerConnection { PeeringConnectionId = "pcx-1", Bandwidth = 100, SourceRegion = "ap-guangzhou", DestinationRegion = "ap-shanghai" }.ToFacts();
        var intraRegion = new PeerConnection { PeeringConnectionId = "pcx-2", Bandwidth = 0, SourceRegion = "ap-guangzhou", DestinationRegion = "ap-guangzhou" }.ToFacts();

        Assert.Equal((100L, "ap-guangzhou", "ap-shanghai"), (crossRegion.Bandwidth, crossRegion.SourceRegion, crossRegion.DestinationRegion));
        Assert.False(crossRegion.IsIntraRegion());
        Assert.True(intraRegion.IsIntraRegion());
        Assert.False(new PeerConnection().ToFacts().IsIntraRegion());
    }

    [Fact]
    public void A_peering_read_from_a_history_written_before_bandwidth_and_regions_were_kept_still_reads()
    {
        const string older = """{"PeeringConnectionId":"pcx-1","Name":"n","SourceVpcId":"vpc-a","DestinationVpcId":"vpc-b","State":"ACTIVE","SourceUin":1,"DestinationUin":2,"IsLive":true}""";

        var read = JsonSerializer.Deserialize<PeeringFacts>(older);

        Assert.Equal(new PeeringFacts("pcx-1", "n", "vpc-a", "vpc-b", "ACTIVE", 1, 2), read);
        Assert.Null(read!.Bandwidth);
    }

    [Fact]
    public void A_pending_request_that_names_no_peer_vpc_maps_to_an_empty_destination_that_joins_no_pair()
    {
        // Tencent's example of a cross-account request still PENDING: neither PeerVpcId nor DestinationVpcId.
        var facts = new PeerConnection
        {
            PeeringConnectionId = "pcx-1", PeeringConnectionName = "alpha-beta", SourceVpcId = "vpc-a", State = "PENDING",
            SourceUin = 100000000001, DestinationUin = 100000000002,
        }.ToFacts();

        Assert.Equal("", facts.DestinationVpcId);
        Assert.True(facts.NamesNoPeerVpc());
        Assert.True(facts.IsLive);
        Assert.False(facts.Joins("vpc-a", "vpc-b"));
        Assert.False(facts.Joins("vpc-a", ""));
        Assert.False(new PeeringFacts("pcx-2", "n", "vpc-a", "vpc-b", "ACTIVE", 1, 2).NamesNoPeerVpc());
    }

    [Fact]
    public void The_records_keep_the_json_shape_orchestration_history_holds()
    {
        // Activity outputs are persisted in history as JSON: these property names are what older histories contain.
        var table = new RouteTableFacts("rtb-1", true, ["subnet-a"], [new RouteFacts("rti-1", 7, "10.1.0.0/16", "PEERCONNECTION", "pcx-1", true, "USER")]);
        var peering = new PeeringFacts("pcx-1", "n", "vpc-a", "vpc-b", "ACTIVE", 1, 2);
        var vpc = new VpcFacts("vpc-a", "10.0.0.0/16", ["10.8.0.0/16"]);

        Assert.Equal(
            """{"RouteTableId":"rtb-1","Main":true,"AssociatedSubnetIds":["subnet-a"],"Routes":[{"RouteItemId":"rti-1","RouteId":7,"DestinationCidrBlock":"10.1.0.0/16","GatewayType":"PEERCONNECTION","GatewayId":"pcx-1","Enabled":true,"RouteType":"USER"}]}""",
            JsonSerializer.Serialize(table));
        Assert.Equal(
            """{"PeeringConnectionId":"pcx-1","Name":"n","SourceVpcId":"vpc-a","DestinationVpcId":"vpc-b","State":"ACTIVE","SourceUin":1,"DestinationUin":2,"Bandwidth":null,"SourceRegion":null,"DestinationRegion":null,"IsLive":true}""",
            JsonSerializer.Serialize(peering));
        Assert.Equal("""{"VpcId":"vpc-a","CidrBlock":"10.0.0.0/16","AssistantCidrs":["10.8.0.0/16"],"AllCidrs":["10.0.0.0/16","10.8.0.0/16"]}""", JsonSerializer.Serialize(vpc));
    }
}
