using System.Globalization;
using System.Text;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// A receiving account's topology approval page: every peering the topology asks it to accept (who asks, their VPC and
/// CIDR, which of its VPCs), the deadline, and one Accept / Reject for all of them. The form posts to the page's own
/// URL, so the token goes along in the query.
/// </summary>
internal static class TopologyApprovalPage
{
    public static string Body(TopologyStart start, string account, IReadOnlyDictionary<string, string> cidrs, DateTime? deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(start);
        var asked = start.Consents.Single(c => c.Account == account).PairIds.ToHashSet(StringComparer.Ordinal);
        var pairs = start.Pairs.Where(p => asked.Contains(p.Id)).ToList();
        var html = new StringBuilder(4096)
            .Append(CultureInfo.InvariantCulture, $"<h1>Topology request for {E(account)}</h1>\n")
            .Append(CultureInfo.InvariantCulture,
                $"<p class=\"lead\">The {E(start.Request.Shape)} “{E(start.Request.Name)}” asks <strong>{E(account)}</strong> to accept {pairs.Count} peering{(pairs.Count == 1 ? "" : "s")}. One decision covers them all.</p>\n");
        if (deadline is { } at)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"deadline\">Decide by {Time(at)} ({E(Remaining(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) - now))}). After that these peerings are dropped.</p>\n");
        }

        html.Append("<h2>The peerings</h2>\n<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">Asked by</th><th scope=\"col\">Their VPC</th>")
            .Append("<th scope=\"col\">Your VPC</th></tr></thead><tbody>\n");
        foreach (var pair in pairs)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-pair=\"{E(pair.Id)}\"><th scope=\"row\">{E(pair.Initiator.Account)}</th><td>{Vpc(pair.Initiator, cidrs)}</td><td>{Vpc(pair.Receiver, cidrs)}</td></tr>\n");
        }

        return html.Append("</tbody></table></div>\n")
            .Append("<form method=\"post\" class=\"decision\">\n<h2>Your decision</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>As an approver of <strong>{E(account)}</strong>: this link works once, for this topology's request only.</p>\n")
            .Append("<div class=\"actions\">")
            .Append("<button type=\"submit\" name=\"decision\" value=\"accept\" id=\"accept\">Accept all</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"reject\" id=\"reject\" class=\"danger\">Reject all</button>")
            .Append("</div>\n</form>\n")
            .ToString();
    }

    private static string Vpc(PeeringSide side, IReadOnlyDictionary<string, string> cidrs) =>
        $"<code>{E(side.VpcId)}</code> · {E(side.Region)}" +
        (cidrs.GetValueOrDefault(side.VpcId) is { } cidr ? $" · <code class=\"cidr\">{E(cidr)}</code>" : "");
}
