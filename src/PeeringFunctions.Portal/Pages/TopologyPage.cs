using System.Globalization;
using System.Text;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// A topology's page: the graph, each account's consent and each pair with a link to its own peering page. The parts
/// that change are rendered on their own too, for the page's script to swap in while the topology runs.
/// </summary>
internal static class TopologyPage
{
    public static string Body(TopologyView view, IReadOnlyDictionary<string, string> cidrs)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new StringBuilder(16384)
            .Append(CultureInfo.InvariantCulture, $"<h1>Topology {E(view.Name)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p id=\"announce\" class=\"announce\" role=\"status\">{E(Announce(view))}</p>\n")
            .Append("<div id=\"live\">").Append(LiveParts(view, cidrs)).Append("</div>\n")
            .ToString();
    }

    public static bool IsTerminal(TopologyView view) => view.RuntimeStatus is not ("Running" or "Pending" or "Suspended");

    public static string Announce(TopologyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var active = view.Pairs.Count(p => TopologyGraph.LookOf(p) == "active");
        return $"{view.Shape} {view.Name} is {view.State}: {active} of {view.Pairs.Count} peerings active.";
    }

    public static string LiveParts(TopologyView view, IReadOnlyDictionary<string, string> cidrs)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = new StringBuilder(16384);
        if (!string.IsNullOrEmpty(view.Message))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(view.Message)}</p>\n");
        }

        html.Append("<figure>").Append(TopologyGraph.Render(view, cidrs, "topology-graph")).Append("</figure>\n");
        html.Append("<h2>Consent</h2>\n<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Pairs</th>")
            .Append("<th scope=\"col\">Decision</th><th scope=\"col\">By</th></tr></thead><tbody>\n");
        foreach (var account in view.Accounts)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th scope=\"row\">{E(account.Account)}</th><td>{account.Pairs}</td><td>{E(account.Decision)}</td><td>{E(account.DecidedBy)}</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n");
        if (view.ConsentDeadline is { } deadline && view.State == TopologySteps.WaitingForConsent)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\">Each account decides until {E(Time(deadline))} UTC.</p>\n");
        }

        html.Append("<h2>Peerings</h2>\n<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Pair</th><th scope=\"col\">State</th>")
            .Append("<th scope=\"col\">Peering connection</th><th scope=\"col\">Note</th></tr></thead><tbody>\n");
        foreach (var pair in view.Pairs)
        {
            var label = $"{pair.Initiator.VpcId} ({pair.Initiator.Account}) ↔ {pair.Receiver.VpcId} ({pair.Receiver.Account})";
            var cell = pair.Peering is null ? E(label) : $"<a href=\"{E(HttpRoutes.PathOf(HttpRoutes.PortalPeering, pair.Id))}\" data-keep-code>{E(label)}</a>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-pair=\"{E(pair.Id)}\"><th scope=\"row\">{cell}</th><td>{E(TopologyGraph.StateOf(pair))}</td><td>{E(pair.PeeringConnectionId)}</td><td>{E(pair.Message)}</td></tr>\n");
        }

        return html.Append("</tbody></table></div>\n").ToString();
    }

    /// <summary>
    /// Each member's CIDR as the plan knows it: the destination its peers route to it (the topology reads no VPC again
    /// for its page). A member only in reused pairs has none.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CidrsOf(TopologyStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var cidrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in start.Pairs)
        {
            foreach (var routes in pair.Routes.Where(r => r.DestinationsToAdd.Count > 0))
            {
                var peer = routes.VpcId == pair.Initiator.VpcId ? pair.Receiver.VpcId : pair.Initiator.VpcId;
                cidrs.TryAdd(peer, string.Join(", ", routes.DestinationsToAdd));
            }
        }

        return cidrs;
    }
}
