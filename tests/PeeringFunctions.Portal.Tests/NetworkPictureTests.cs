using System.Xml.Linq;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.Portal.Pages;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The SVG picture is drawn from the state it is given, and says the same in words.</summary>
public sealed class NetworkPictureTests
{
    private static SideState Side(string role, string account, string vpc, string cidr, bool routePresent, string? vpcName = null) => new(
        role, account, "1000000000" + (account == "alpha" ? "1" : "2"), "ap-guangzhou", vpc,
        new VpcInfo(account, "ap-guangzhou", vpc, vpcName, cidr, []),
        "rtb-" + account,
        [new PlannedRoute(account == "alpha" ? "172.16.0.0/16" : "10.10.0.0/16", "pcx-abcd1234", routePresent, routePresent)],
        [new SubnetPlacement("subnet-" + account, "10.0.1.0/24", "rtb-main", InPlace: routePresent)],
        External: false,
        Problem: null);

    [Fact]
    public void A_pending_peering_shows_both_vpcs_their_cidrs_and_the_routes_still_to_add()
    {
        var state = new NetworkState(Side("Initiator", "alpha", "vpc-alpha001", "10.10.0.0/16", false), Side("Receiver", "beta", "vpc-beta0001", "172.16.0.0/16", false), "pcx-abcd1234", "PENDING");

        var svg = XElement.Parse(NetworkPicture.Render(state, "p"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Contains(texts, t => t.Contains("10.10.0.0/16", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("172.16.0.0/16", StringComparison.Ordinal));
        Assert.Contains("pcx-abcd1234", texts);
        Assert.Contains(texts, t => t.Contains("PENDING", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("○ 172.16.0.0/16 → pcx-abcd1234 (to add)", StringComparison.Ordinal));
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "line" && ((string?)e.Attribute("class"))!.Contains("pending", StringComparison.Ordinal));
        var description = svg.Descendants().Single(e => e.Name.LocalName == "desc").Value;
        Assert.Contains("route to 172.16.0.0/16 via pcx-abcd1234 to add", description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_peering_is_a_solid_line_with_the_routes_present()
    {
        var state = new NetworkState(Side("Initiator", "alpha", "vpc-alpha001", "10.10.0.0/16", true), Side("Receiver", "beta", "vpc-beta0001", "172.16.0.0/16", true), "pcx-abcd1234", "ACTIVE");

        var svg = XElement.Parse(NetworkPicture.Render(state, "p"));

        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "line" && (string?)e.Attribute("class") == "link active");
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains("✓ 10.10.0.0/16 → pcx-abcd1234", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_from_the_cloud_are_encoded_not_interpreted()
    {
        var hostile = Side("Initiator", "alpha", "vpc-alpha001", "10.10.0.0/16", false, vpcName: "<script>alert(1)</script>");
        var state = new NetworkState(hostile, Side("Receiver", "beta", "vpc-beta0001", "172.16.0.0/16", false), null, null);

        var markup = NetworkPicture.Render(state, "p");

        Assert.DoesNotContain("<script", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", markup, StringComparison.Ordinal);
        Assert.Contains("no peering yet", markup, StringComparison.Ordinal);
    }
}
