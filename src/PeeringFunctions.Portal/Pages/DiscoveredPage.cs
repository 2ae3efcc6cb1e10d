using System.Globalization;
using System.Text;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Registry;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// The ACTIVE peerings our accounts see that nothing here manages (GET /api/peerings/discovered), each with what its
/// managed sides route through it and a form that adopts it as it is (POST to this page, as POST /api/peerings/adopt).
/// </summary>
internal static class DiscoveredPage
{
    public static string Body(DiscoveryReport report)
    {
        var html = new StringBuilder(4096);
        html.Append("<h1>Peerings made elsewhere</h1>\n")
            .Append("<p>Active peerings our accounts can see (made in the Tencent console, by Terraform…) that this app does not manage yet. ")
            .Append("Adopting one records it as it is: nothing is changed on Tencent, and from then on it is watched, repaired and torn down like one requested here.</p>\n");
        foreach (var problem in report.Problems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" role=\"status\">Not read: {E(problem)}</p>\n");
        }

        if (report.Peerings.Count == 0)
        {
            html.Append("<p class=\"empty\">None: every active peering our accounts can see is managed here.</p>\n");
            return html.ToString();
        }

        html.Append("<table class=\"discovered\"><thead><tr><th scope=\"col\">Peering</th><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Adopt</th></tr></thead><tbody>\n");
        foreach (var found in report.Peerings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr id=\"{E(found.PeeringConnectionId)}\"><td><code>{E(found.PeeringConnectionId)}</code> {E(found.Name)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Side(found.Initiator)}</td><td>{Side(found.Receiver)}</td><td>{AdoptForm(found)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        return html.ToString();
    }

    private static string Side(DiscoveredSide side)
    {
        var who = side.Account ?? $"UIN {side.Uin} (not ours)";
        var text = new StringBuilder(E($"{who} · {side.Region} · {side.VpcId}"));
        foreach (var table in side.RouteTables)
        {
            text.Append(CultureInfo.InvariantCulture, $"<br><small>{E(table.RouteTableId)}: {E(string.Join(", ", table.Destinations))}</small>");
        }

        return text.ToString();
    }

    private static string AdoptForm(DiscoveredPeering found)
    {
        var id = $"policy-{found.PeeringConnectionId}";
        return "<form method=\"post\" class=\"adopt\">" +
            $"<input type=\"hidden\" name=\"account\" value=\"{E(found.Adopt.Account)}\">" +
            $"<input type=\"hidden\" name=\"region\" value=\"{E(found.Adopt.Region)}\">" +
            $"<input type=\"hidden\" name=\"peeringConnectionId\" value=\"{E(found.PeeringConnectionId)}\">" +
            $"<label for=\"{E(id)}\">On drift</label> <select id=\"{E(id)}\" name=\"repairPolicy\">" +
            $"<option value=\"{RepairPolicies.Repair}\" selected>repair and tell</option><option value=\"{RepairPolicies.Notify}\">only tell</option></select> " +
            $"<button type=\"submit\">Adopt</button></form>";
    }
}
