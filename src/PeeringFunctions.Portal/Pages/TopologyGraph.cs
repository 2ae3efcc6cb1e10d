using System.Globalization;
using System.Text;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// A topology as an SVG graph: each member VPC a node on a circle (its id, account, region and CIDR), each pair an
/// edge coloured by its state with the peering picture's classes — solid green when its peering is Active, dashed
/// amber while it is asked for or running, red dashes when it failed, grey dots when it was not consented. Its title
/// and description say the same in words.
/// </summary>
internal static class TopologyGraph
{
    private const int Size = 760;
    private const int NodeWidth = 190;
    private const int NodeHeight = 58;

    public static string Render(TopologyView view, IReadOnlyDictionary<string, string> cidrs, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(view);
        var members = view.Pairs.SelectMany(p => new[] { p.Initiator, p.Receiver }).DistinctBy(m => m.VpcId).ToList();
        var centre = Size / 2.0;
        var radius = members.Count <= 2 ? Size / 4.0 : centre - NodeWidth / 2.0 - 12;
        var at = members.Select((m, i) => (m.VpcId, Angle: -Math.PI / 2 + 2 * Math.PI * i / members.Count))
            .ToDictionary(x => x.VpcId, x => (X: centre + radius * Math.Cos(x.Angle), Y: centre + radius * Math.Sin(x.Angle) * 0.85));
        var titleId = idPrefix + "-title";
        var descId = idPrefix + "-desc";

        var svg = new StringBuilder(8192);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"picture topology\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Size} {Size}\" role=\"img\" aria-labelledby=\"{titleId} {descId}\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{E($"Topology {view.Name}: {members.Count} VPCs, {view.Pairs.Count} peerings")}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{descId}\">{E(Describe(view))}</desc>");

        // Edges first, so the nodes sit on top of them.
        foreach (var pair in view.Pairs)
        {
            var (a, b) = (at[pair.Initiator.VpcId], at[pair.Receiver.VpcId]);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line class=\"link {LookOf(pair)}\" data-pair=\"{E(pair.Id)}\" x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\"><title>{E($"{pair.Initiator.VpcId} ↔ {pair.Receiver.VpcId}: {StateOf(pair)}")}</title></line>");
        }

        foreach (var member in members)
        {
            var (x, y) = at[member.VpcId];
            var left = x - NodeWidth / 2.0;
            var top = y - NodeHeight / 2.0;
            svg.Append(CultureInfo.InvariantCulture,
                $"<g data-vpc=\"{E(member.VpcId)}\"><rect class=\"vpc\" x=\"{left:0.#}\" y=\"{top:0.#}\" width=\"{NodeWidth}\" height=\"{NodeHeight}\" rx=\"8\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"who\" x=\"{x:0.#}\" y=\"{top + 18:0.#}\" text-anchor=\"middle\">{E(member.VpcId)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"muted\" x=\"{x:0.#}\" y=\"{top + 34:0.#}\" text-anchor=\"middle\">{E($"{member.Account} · {member.Region}")}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"cidr\" x=\"{x:0.#}\" y=\"{top + 50:0.#}\" text-anchor=\"middle\">{E(cidrs.GetValueOrDefault(member.VpcId) ?? "")}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The pair's word: its peering's state once it has one, else its state in the topology.</summary>
    public static string StateOf(TopologyPairView pair) => pair.Peering ?? pair.State;

    /// <summary>The edge's class, shared with the peering picture's stylesheet.</summary>
    public static string LookOf(TopologyPairView pair) => StateOf(pair) switch
    {
        PeeringStatus.Active or PairStates.Reused => "active",
        PeeringStatus.Failed or PeeringStatus.PreflightFailed or PeeringStatus.Rejected or PeeringStatus.Expired or PeeringStatus.PeerDeleted
            or LifecycleStates.TeardownFailed => "broken",
        PairStates.NotConsented or LifecycleStates.TornDown => "none",
        _ => "pending",
    };

    private static string Describe(TopologyView view)
    {
        var counts = view.Pairs.GroupBy(StateOf).Select(g => $"{g.Count()} {g.Key}");
        return $"{view.Shape} {view.Name} is {view.State}; peerings: {string.Join(", ", counts)}.";
    }
}
