using System.Xml.Linq;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Portal.Pages;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The topology graph: VPCs as nodes with their CIDRs, peerings as edges coloured by state, said in words too.</summary>
public sealed class TopologyGraphTests
{
    private static readonly TopologyMemberView Hub = new("alpha", "ap-guangzhou", "vpc-alpha001");
    private static readonly TopologyMemberView Beta = new("beta", "ap-shanghai", "vpc-beta0001");
    private static readonly TopologyMemberView Gamma = new("gamma", "ap-guangzhou", "vpc-gamma001");

    private static TopologyView View(params TopologyPairView[] pairs) => new(
        "topology-star", "star", TopologyShapes.HubAndSpoke, Hub.VpcId, TopologyStatus.Partial, "Completed", null, null,
        [new AccountProgress("beta", 1, ConsentStates.Accepted), new AccountProgress("gamma", 1, ConsentStates.Rejected)],
        pairs, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    private static TopologyPairView Pair(TopologyMemberView b, string state, string? peering = null) =>
        new($"peering-{Hub.VpcId}-{b.VpcId}", Hub, b, b.Region != Hub.Region, state, peering, null, null);

    private static readonly Dictionary<string, string> Cidrs = new() { ["vpc-alpha001"] = "10.10.0.0/16", ["vpc-beta0001"] = "172.16.0.0/16" };

    [Fact]
    public void Each_VPC_is_a_node_with_its_id_account_and_CIDR()
    {
        var svg = XElement.Parse(TopologyGraph.Render(View(Pair(Beta, PeeringStatus.Active, PeeringStatus.Active), Pair(Gamma, PairStates.NotConsented)), Cidrs, "g"));

        var nodes = svg.Elements().Where(e => e.Name.LocalName == "g").ToList();
        Assert.Equal(["vpc-alpha001", "vpc-beta0001", "vpc-gamma001"], nodes.Select(n => (string?)n.Attribute("data-vpc")));
        var hubTexts = nodes[0].Elements().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Equal(["vpc-alpha001", "alpha · ap-guangzhou", "10.10.0.0/16"], hubTexts);
    }

    [Theory]
    [InlineData(PeeringStatus.Active, PeeringStatus.Active, "link active")]
    [InlineData(PairStates.Running, PeeringSteps.Configuring, "link pending")]
    [InlineData(PairStates.WaitingForConsent, null, "link pending")]
    [InlineData(PeeringStatus.Failed, null, "link broken")]
    [InlineData(PairStates.NotConsented, null, "link none")]
    [InlineData(PeeringStatus.Active, "TornDown", "link none")]
    public void Each_peering_is_an_edge_coloured_by_its_state(string state, string? peering, string expected)
    {
        var svg = XElement.Parse(TopologyGraph.Render(View(Pair(Beta, state, peering)), Cidrs, "g"));

        var edge = svg.Elements().Single(e => e.Name.LocalName == "line");
        Assert.Equal(expected, (string?)edge.Attribute("class"));
        Assert.Equal("peering-vpc-alpha001-vpc-beta0001", (string?)edge.Attribute("data-pair"));
    }

    [Fact]
    public void The_graph_says_in_words_how_many_peerings_are_in_each_state()
    {
        var svg = XElement.Parse(TopologyGraph.Render(View(Pair(Beta, PeeringStatus.Active, PeeringStatus.Active), Pair(Gamma, PairStates.NotConsented)), Cidrs, "g"));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Topology star: 3 VPCs, 2 peerings", svg.Elements().Single(e => e.Name.LocalName == "title").Value);
        Assert.Equal("hub-and-spoke star is Partial; peerings: 1 Active, 1 NotConsented.", svg.Elements().Single(e => e.Name.LocalName == "desc").Value);
    }

    [Fact]
    public void Each_members_CIDR_comes_from_the_routes_its_peers_were_planned_to_add()
    {
        var hub = new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha");
        var beta = new PeeringSide("ap-shanghai", "vpc-beta0001", Account: "beta");
        var start = new TopologyStart(new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId, [hub, beta]),
            [new TopologyPair("p", hub, beta, true, null, false,
                [new PlannedRoutes("alpha", hub.VpcId, "rtb-a", ["172.16.0.0/16"]), new PlannedRoutes("beta", beta.VpcId, "rtb-b", ["10.10.0.0/16"])])], []);

        Assert.Equal(Cidrs, TopologyPage.CidrsOf(start));
    }
}
