using System.Globalization;
using System.Text;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.Portal.Status;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// The page the receiver's link opens: who asks, both VPCs with their CIDRs and regions, the routes each side will
/// get, the subnets that will use them, the deadline, and Accept / Reject. The form posts to the page's own URL, so
/// the token is in no other place on the page.
/// </summary>
internal static class ApprovalPage
{
    public static string Body(PeeringSnapshot peering, NetworkState network, string receiverAccount, DateTimeOffset now)
    {
        var request = peering.Request;
        var initiator = network.Initiator;
        var html = new StringBuilder(8192);
        html.Append(CultureInfo.InvariantCulture, $"<h1>Peering request for {E(receiverAccount)}</h1>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"lead\"><strong>{E(Who(initiator))}</strong> asks to connect its VPC <code>{E(initiator.VpcId)}</code> in {E(initiator.Region)} with your VPC <code>{E(network.Receiver.VpcId)}</code> in {E(network.Receiver.Region)}: “{E(request.Name)}”.</p>\n");

        if (peering.Progress?.AcceptanceDeadline is { } deadline)
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc));
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"deadline\">Decide by {Time(at)} ({E(Remaining(at - now))}). After that the request is withdrawn.</p>\n");
        }

        html.Append("<div class=\"cards\">\n");
        Card(html, "Their side (initiator)", initiator, "Gets a route to your VPC");
        Card(html, "Your side (receiver)", network.Receiver, "Gets a route to their VPC");
        html.Append("</div>\n");

        html.Append(CultureInfo.InvariantCulture,
            $"<p>Peering connection: <code>{E(network.PeeringConnectionId)}</code> ({E(network.PeeringState ?? "state unknown")}). Accepting lets traffic flow only between these CIDRs, through the routes listed above; nothing else in either account changes.</p>\n");

        html.Append("<h2 id=\"picture-heading\">The two VPCs</h2>\n<figure class=\"figure\" aria-labelledby=\"picture-heading\">")
            .Append(NetworkPicture.Render(network, "approval-picture"))
            .Append("<figcaption>Drawn from what Tencent reports now. ○ marks what accepting will add.</figcaption></figure>\n");

        html.Append("<form method=\"post\" class=\"decision\">\n<h2>Your decision</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>As an approver of <strong>{E(receiverAccount)}</strong>: this link works once, for this peering only.</p>\n")
            .Append("<div class=\"actions\">")
            .Append("<button type=\"submit\" name=\"decision\" value=\"accept\" id=\"accept\">Accept peering</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"reject\" id=\"reject\" class=\"danger\">Reject</button>")
            .Append("</div>\n</form>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string title, SideState side, string routesTitle)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" aria-label=\"{E(title)}\"><h2>{E(title)}</h2><dl class=\"facts\">");
        Fact(html, "Account", E(Who(side)));
        Fact(html, "Region", E(side.Region));
        Fact(html, "VPC", $"<code>{E(side.VpcId)}</code>{(side.Vpc?.Name is { Length: > 0 } name ? " " + E(name) : "")}");
        Fact(html, "CIDR", side.Vpc is { } vpc
            ? string.Join(", ", vpc.AllCidrs.Select(c => $"<code class=\"cidr\">{E(c)}</code>"))
            : side.External ? "not readable (external account)" : E("unknown" + (side.Problem is { } p ? $" ({p})" : "")));
        if (!side.External)
        {
            Fact(html, "Route table", $"<code>{E(side.RouteTableId ?? "main")}</code>");
            Fact(html, routesTitle, side.Routes.Count == 0
                ? "none"
                : "<ul class=\"plain\">" + string.Concat(side.Routes.Select(r =>
                    $"<li><code class=\"cidr\">{E(r.Destination)}</code> → <code>{E(r.NextHop)}</code>{(r.Present ? " (present)" : "")}</li>")) + "</ul>");
            Fact(html, "Subnets using it", side.Subnets.Count == 0
                ? "none moved"
                : "<ul class=\"plain\">" + string.Concat(side.Subnets.Select(s =>
                    $"<li><code>{E(s.SubnetId)}</code> {E(s.CidrBlock)}{(s.InPlace ? "" : $" (moves from {E(s.CurrentRouteTableId ?? "?")})")}</li>")) + "</ul>");
        }
        else
        {
            Fact(html, "Routes", "configured by the external account itself");
        }

        html.Append("</dl></section>\n");
    }

    private static void Fact(StringBuilder html, string term, string definition) =>
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>{E(term)}</dt><dd>{definition}</dd></div>");

    private static string Who(SideState side) => side.Account is { } account
        ? account + (side.Uin is { } uin ? $" (UIN {uin})" : "")
        : "UIN " + (side.Uin ?? "unknown");
}

/// <summary>A page that only explains: a refused link, a missing peering, a conflict.</summary>
internal static class MessagePage
{
    public static string Body(string heading, string text, string? more = null, string? linkHref = null, string? linkText = null)
    {
        var html = new StringBuilder(1024);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"message\" role=\"alert\"><h1>{E(heading)}</h1><p>{E(text)}</p>");
        if (more is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(more)}</p>");
        }

        if (linkHref is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(linkHref)}\" data-keep-code>{E(linkText ?? linkHref)}</a></p>");
        }

        html.Append("</div>\n");
        return html.ToString();
    }
}
