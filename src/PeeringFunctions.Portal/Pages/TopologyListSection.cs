using System.Globalization;
using System.Text;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Topologies;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// The list page's "Topologies" section: each topology linked to its page, with its shape, state and pairs active. Left
/// out while there is none, so a portal without topologies shows only its peerings.
/// </summary>
internal static class TopologyListSection
{
    public static string Html(IReadOnlyList<TopologySummary> topologies)
    {
        ArgumentNullException.ThrowIfNull(topologies);
        if (topologies.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder(2048)
            .Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"topologies\"><h2 id=\"topologies\">Topologies <span class=\"count\">{topologies.Count}</span></h2>\n")
            .Append("<div class=\"table-scroll\"><table>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Shape</th><th scope=\"col\">State</th>")
            .Append("<th scope=\"col\">Peerings active</th><th scope=\"col\">Requested</th></tr></thead>\n<tbody>\n");
        foreach (var topology in topologies)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-topology=\"{E(topology.Id)}\"><th scope=\"row\"><a href=\"{E(HttpRoutes.PathOf(HttpRoutes.PortalTopology, topology.Id))}\" data-keep-code>{E(topology.Name)}</a></th>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{E(topology.Shape)}</td><td>{E(topology.State)}</td><td>{topology.PairsActive} of {topology.PairsTotal}</td><td>{Time(topology.CreatedAt, "yyyy-MM-dd HH:mm")}</td></tr>\n");
        }

        return html.Append("</tbody></table></div></section>\n").ToString();
    }
}
