using System.Xml.Linq;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Portal.Pages;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The list page's "Topologies" section and the summaries it is made of (GET /api/topologies answers the same).</summary>
public sealed class TopologyListSectionTests
{
    [Fact]
    public void A_waiting_topology_counts_no_pair_active_and_is_in_its_consent_step()
    {
        var summary = TopologySummary.Of(TopologyInstances.Waiting())!;

        Assert.Equal((TopologyInstances.Id, "star", TopologyShapes.HubAndSpoke, TopologySteps.WaitingForConsent, 0, 2),
            (summary.Id, summary.Name, summary.Shape, summary.State, summary.PairsActive, summary.PairsTotal));
    }

    [Fact]
    public void An_ended_topology_counts_the_active_pairs_of_its_outcome()
    {
        var summary = TopologySummary.Of(TopologyInstances.Partial())!;

        Assert.Equal((TopologyStatus.Partial, 1, 2), (summary.State, summary.PairsActive, summary.PairsTotal));
    }

    [Fact]
    public void Each_topology_is_a_row_linked_to_its_page_with_shape_state_and_pairs_active()
    {
        var html = TopologyListSection.Html([TopologySummary.Of(TopologyInstances.Partial())!]);

        // HTML's bare attribute, given a value so the section parses as XML.
        var section = XElement.Parse(html.Replace(" data-keep-code>", " data-keep-code=\"\">", StringComparison.Ordinal));
        Assert.Equal("Topologies 1", section.Element("h2")!.Value);
        var row = Assert.Single(section.Descendants("tbody").Single().Elements("tr"));
        var link = row.Descendants("a").Single();
        Assert.Equal(("/api/portal/topologies/topology-star", "star"), (link.Attribute("href")!.Value, link.Value));
        Assert.Equal([TopologyShapes.HubAndSpoke, TopologyStatus.Partial, "1 of 2", "2026-11-20 08:00 UTC"], row.Elements("td").Select(td => td.Value));
    }

    [Fact]
    public void Without_topologies_the_list_page_has_no_section_for_them() =>
        Assert.Equal("", TopologyListSection.Html([]));
}
