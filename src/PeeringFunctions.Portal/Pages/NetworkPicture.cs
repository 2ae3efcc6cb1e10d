using System.Globalization;
using System.Text;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// The SVG picture of a peering drawn from the real state: the two VPCs with their CIDRs, the peering connection
/// between them (solid when ACTIVE, dashed while pending), each side's route table with the routes through the
/// peering (present, or still to come) and the subnets that use it. Its title and description say the same in words.
/// </summary>
internal static class NetworkPicture
{
    private const int Width = 1000;
    private const int BoxWidth = 360;
    private const int LeftX = 16;
    private const int RightX = Width - 16 - BoxWidth;
    private const int Top = 16;
    private const int Line = 20;
    private const int MaxChars = 42;

    public static string Render(NetworkState state, string idPrefix)
    {
        var left = Lines(state.Initiator);
        var right = Lines(state.Receiver);
        var rows = Math.Max(left.Count, right.Count);
        var boxHeight = 24 + rows * Line;
        var height = Top + boxHeight + 16;
        var titleId = idPrefix + "-title";
        var descId = idPrefix + "-desc";

        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"picture\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{E(Title(state))}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{descId}\">{E(Describe(state))}</desc>");

        Box(svg, LeftX, boxHeight, state.Initiator, left);
        Box(svg, RightX, boxHeight, state.Receiver, right);

        // The peering connection between the boxes.
        var y = Top + 44;
        var (lineClass, label) = PeeringLook(state);
        svg.Append(CultureInfo.InvariantCulture,
            $"<line class=\"link {lineClass}\" x1=\"{LeftX + BoxWidth}\" y1=\"{y}\" x2=\"{RightX}\" y2=\"{y}\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<circle class=\"link-end {lineClass}\" cx=\"{LeftX + BoxWidth}\" cy=\"{y}\" r=\"5\"/><circle class=\"link-end {lineClass}\" cx=\"{RightX}\" cy=\"{y}\" r=\"5\"/>");
        var middle = Width / 2;
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"pcx\" x=\"{middle}\" y=\"{y - 12}\" text-anchor=\"middle\">{E(state.PeeringConnectionId ?? "no peering yet")}</text>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"pcx-state {lineClass}\" x=\"{middle}\" y=\"{y + 22}\" text-anchor=\"middle\">{E(label)}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static (string Class, string Label) PeeringLook(NetworkState state) => state.PeeringState switch
    {
        null when state.PeeringConnectionId is null => ("none", "not requested yet"),
        null => ("unknown", "state unknown"),
        PeeringConnectionStates.Active => ("active", "ACTIVE"),
        PeeringConnectionStates.Pending => ("pending", "PENDING (not accepted)"),
        var other => ("broken", other),
    };

    private sealed record Row(string Text, string Class);

    private static List<Row> Lines(SideState side)
    {
        var rows = new List<Row>
        {
            new($"{side.Role}: {Who(side)}", "who"),
            new($"{side.Region} · {side.VpcId}{(side.Vpc?.Name is { Length: > 0 } name ? " (" + name + ")" : "")}", "id"),
        };
        if (side.External)
        {
            rows.Add(new Row("external account: configures its own side", "muted"));
            return rows;
        }

        if (side.Vpc is { } vpc)
        {
            rows.Add(new Row("CIDR " + string.Join(", ", vpc.AllCidrs), "cidr"));
        }

        if (side.Problem is { } problem)
        {
            rows.Add(new Row("could not read: " + problem, "problem"));
        }

        rows.Add(new Row("Route table " + (side.RouteTableId ?? "(main)"), "table"));
        foreach (var route in side.Routes)
        {
            rows.Add(route.Present
                ? new Row($"  ✓ {route.Destination} → {route.NextHop}{(route.Enabled ? "" : " (disabled)")}", "route present")
                : new Row($"  ○ {route.Destination} → {route.NextHop} (to add)", "route planned"));
        }

        if (side.Routes.Count == 0)
        {
            rows.Add(new Row("  no route through the peering", "muted"));
        }

        foreach (var subnet in side.Subnets)
        {
            rows.Add(subnet.InPlace
                ? new Row($"  ✓ {subnet.SubnetId} {subnet.CidrBlock} uses it", "subnet present")
                : new Row($"  ○ {subnet.SubnetId} {subnet.CidrBlock} to move", "subnet planned"));
        }

        return rows;
    }

    private static void Box(StringBuilder svg, int x, int height, SideState side, List<Row> rows)
    {
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"vpc{(side.External ? " external" : "")}{(side.Problem is null ? "" : " unreadable")}\" x=\"{x}\" y=\"{Top}\" width=\"{BoxWidth}\" height=\"{height}\" rx=\"10\"/>");
        var y = Top + 26;
        foreach (var row in rows)
        {
            var text = row.Text.Length > MaxChars ? row.Text[..(MaxChars - 1)] + "…" : row.Text;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"{row.Class}\" x=\"{x + 14}\" y=\"{y}\" xml:space=\"preserve\">{E(text)}</text>");
            y += Line;
        }
    }

    private static string Who(SideState side) => side.Account is { } account
        ? account + (side.Uin is { } uin ? $" (UIN {uin})" : "")
        : "UIN " + (side.Uin ?? "?");

    private static string Title(NetworkState state) =>
        $"Peering between {state.Initiator.VpcId} and {state.Receiver.VpcId}";

    /// <summary>The picture in words, for screen readers and as the SVG's description.</summary>
    public static string Describe(NetworkState state)
    {
        var text = new StringBuilder();
        text.Append(state.PeeringConnectionId is null
            ? "No peering connection exists yet. "
            : $"Peering connection {state.PeeringConnectionId} is {state.PeeringState ?? "in an unknown state"}. ");
        foreach (var side in new[] { state.Initiator, state.Receiver })
        {
            text.Append(CultureInfo.InvariantCulture, $"{side.Role} {Who(side)}, {side.Region}, {side.VpcId}");
            if (side.Vpc is { } vpc)
            {
                text.Append(CultureInfo.InvariantCulture, $" with CIDR {string.Join(", ", vpc.AllCidrs)}");
            }

            if (side.External)
            {
                text.Append(": an external account that configures its own side. ");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"; route table {side.RouteTableId ?? "(main)"}");
            foreach (var route in side.Routes)
            {
                text.Append(CultureInfo.InvariantCulture, $"; route to {route.Destination} via {route.NextHop} {(route.Present ? "present" : "to add")}");
            }

            foreach (var subnet in side.Subnets)
            {
                text.Append(CultureInfo.InvariantCulture, $"; subnet {subnet.SubnetId} {(subnet.InPlace ? "uses the table" : "to move to the table")}");
            }

            text.Append(side.Problem is null ? ". " : $"; could not be read ({side.Problem}). ");
        }

        return text.ToString().TrimEnd();
    }
}
