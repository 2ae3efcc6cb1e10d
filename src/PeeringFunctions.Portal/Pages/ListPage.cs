using System.Globalization;
using System.Text;
using PeeringFunctions.Peerings;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>The portal's home: every peering, grouped by state, with a filter.</summary>
internal static class ListPage
{
    /// <summary>The states a peering can be in, in the order the groups are shown (running first).</summary>
    public static IReadOnlyList<string> States => PeeringVocabulary.States;

    public static string Body(IReadOnlyList<PeeringView> peerings, string? filter, string? notice)
    {
        var html = new StringBuilder(8192);
        html.Append("<h1>Peerings</h1>\n");
        if (notice is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" role=\"status\">{E(notice)}</p>\n");
        }

        html.Append("<form class=\"filter\" method=\"get\" action=\"/api/portal\" data-keep-code>\n")
            .Append("<label for=\"state\">Show</label>\n<select id=\"state\" name=\"state\">")
            .Append(CultureInfo.InvariantCulture, $"<option value=\"\"{(string.IsNullOrEmpty(filter) ? " selected" : "")}>every state</option>");
        foreach (var state in States)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<option value=\"{E(state)}\"{(string.Equals(filter, state, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(StatusView.Words(state))}</option>");
        }

        html.Append("</select>\n<button type=\"submit\" class=\"secondary\">Filter</button>\n")
            .Append("<a class=\"button\" href=\"/api/portal/new\" data-keep-code>Request a peering</a>\n</form>\n");

        if (peerings.Count == 0)
        {
            html.Append(string.IsNullOrEmpty(filter)
                ? "<p class=\"empty\">No peering has been requested yet.</p>"
                : $"<p class=\"empty\">No peering is {E(StatusView.Words(filter))}.</p>");
            return html.ToString();
        }

        var groups = peerings.GroupBy(p => p.State, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => Order(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var headingId = "group-" + Slug(group.Key);
            html.Append(CultureInfo.InvariantCulture,
                $"<section aria-labelledby=\"{headingId}\"><h2 id=\"{headingId}\"><span class=\"badge {StatusView.BadgeClass(group.Key)}\">{E(StatusView.Words(group.Key))}</span> <span class=\"count\">{group.Count()}</span></h2>\n");
            html.Append("<div class=\"table-scroll\"><table>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Peering connection</th><th scope=\"col\">Health</th><th scope=\"col\">Requested</th></tr></thead>\n<tbody>\n");
            foreach (var peering in group)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><th scope=\"row\"><a href=\"/api/portal/peerings/{E(peering.Id)}\" data-keep-code>{E(peering.Name)}</a></th>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(Side(peering.Initiator))}</td><td>{E(Side(peering.Receiver))}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{(peering.PeeringConnectionId is { } pcx ? $"<code>{E(pcx)}</code>" : "—")}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{HealthCell(peering.Health)}{StuckCell(peering.Stuck)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{Time(peering.CreatedAt, "yyyy-MM-dd HH:mm")}</td></tr>\n");
            }

            html.Append("</tbody></table></div></section>\n");
        }

        return html.ToString();
    }

    /// <summary>The watcher's word, and for drift the first finding in plain words; a dash when the registry holds no record.</summary>
    private static string HealthCell(PeeringHealth? health) => health switch
    {
        null => "—",
        { Findings.Count: > 0 } drifted => $"<span class=\"badge {StatusView.HealthBadgeClass(drifted.Status)}\">{E(drifted.Status)}</span> " +
            E(drifted.Findings[0].Description) + (drifted.Findings.Count > 1 ? E($" (+{drifted.Findings.Count - 1} more)") : ""),
        _ => $"<span class=\"badge {StatusView.HealthBadgeClass(health.Status)}\">{E(health.Status)}</span>",
    };

    /// <summary>The stuck check's report, beside the health: which step, since when (the instance may be a teardown or repair).</summary>
    private static string StuckCell(StuckView? stuck) => stuck is null ? "" : " " + StatusView.Stuck(stuck);

    private static int Order(string state) => PeeringVocabulary.OrderOf(state);

    private static string Side(PeeringSideView side) => $"{side.Account ?? "UIN " + side.Uin} · {side.Region} · {side.VpcId}";

    private static string Slug(string state) => new(state.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
