using System.Globalization;
using System.Text;
using PeeringFunctions.Registry.Audit;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Status;

/// <summary>
/// The status page's audit section: every decision and change recorded for the peering, oldest first, with who made it,
/// through which channel and, for a Tencent write, Tencent's RequestId. Shown to the portal's key holders only.
/// </summary>
internal static class AuditSection
{
    public static string Html(IReadOnlyList<AuditEntry>? entries)
    {
        if (entries is null)
        {
            return "";
        }

        var html = new StringBuilder(256 + (entries.Count * 256));
        html.Append("<section class=\"audit\" aria-labelledby=\"audit-heading\"><h2 id=\"audit-heading\">Audit trail</h2>\n");
        if (entries.Count == 0)
        {
            html.Append("<p>Nothing recorded yet.</p>\n</section>\n");
            return html.ToString();
        }

        html.Append("<table class=\"audit\"><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">What</th><th scope=\"col\">Who</th>")
            .Append("<th scope=\"col\">Channel</th><th scope=\"col\">Summary</th><th scope=\"col\">Tencent RequestId</th></tr></thead><tbody>\n");
        foreach (var entry in entries)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Time(entry.At)}</td><td>{E(entry.Kind)}</td><td>{E(entry.Actor)}</td><td>{E(entry.Channel)}</td><td>{E(entry.Summary)}</td><td>{E(entry.RequestId)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n</section>\n");
        return html.ToString();
    }
}
