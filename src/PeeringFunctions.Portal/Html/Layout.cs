using System.Globalization;
using System.Text;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Html;

/// <summary>Who a page is for: portal users get the portal's navigation; a receiver's link pages get none.</summary>
internal enum Audience
{
    Portal,
    LinkHolder,
}

/// <param name="Title">The document title (also the heading of the page's first line in the browser's tab).</param>
/// <param name="Body">The content of &lt;main&gt;, already encoded.</param>
/// <param name="LiveUrl">When set, the script refreshes the page's live parts from this URL (plus the page's own query).</param>
/// <param name="RefreshSeconds">With <paramref name="LiveUrl"/>: the interval, and a meta refresh for browsers without script.</param>
internal sealed record PageModel(string Title, string Body, Audience Audience, string? LiveUrl = null, int RefreshSeconds = 0, string? Current = null);

/// <summary>The page shell: skip link, header, main landmark, the inlined stylesheet and script.</summary>
internal static class Layout
{
    public static string Render(PageModel page)
    {
        var html = new StringBuilder(8 * 1024);
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"same-origin\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(page.Title)} · Peering portal</title>\n");
        if (page.LiveUrl is not null && page.RefreshSeconds > 0)
        {
            // Without script the whole page reloads; with it, portal.js refreshes only the live parts.
            html.Append(CultureInfo.InvariantCulture, $"<noscript><meta http-equiv=\"refresh\" content=\"{page.RefreshSeconds}\"></noscript>\n");
        }

        html.Append("<style>").Append(Assets.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
            .Append("<header class=\"top\"><div class=\"wrap\">")
            .Append("<span class=\"brand\" aria-hidden=\"true\">⇄</span> <span class=\"brand-name\">Peering portal</span>");
        if (page.Audience == Audience.Portal)
        {
            html.Append("<nav aria-label=\"Portal\"><ul>")
                .Append(NavItem("/api/portal", "Peerings", page.Current == "list"))
                .Append(NavItem("/api/portal/new", "Request a peering", page.Current == "new"))
                .Append(NavItem("/api/portal/discovered", "Made elsewhere", page.Current == "discovered"))
                .Append("</ul></nav>");
        }

        html.Append("</div></header>\n<main id=\"main\" tabindex=\"-1\" class=\"wrap\"");
        if (page.LiveUrl is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" data-live=\"{E(page.LiveUrl)}\" data-interval=\"{Math.Max(1, page.RefreshSeconds) * 1000}\"");
        }

        html.Append(">\n").Append(page.Body).Append("\n</main>\n")
            .Append("<footer class=\"wrap foot\"><p>PeeringFunctions · Tencent Cloud VPC peering</p></footer>\n")
            .Append("<script>").Append(Assets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string NavItem(string href, string text, bool current) =>
        $"<li><a href=\"{href}\" data-keep-code{(current ? " aria-current=\"page\"" : "")}>{E(text)}</a></li>";
}
