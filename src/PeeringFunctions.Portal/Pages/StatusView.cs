using System.Globalization;
using System.Text;
using PeeringFunctions.Peerings;
using PeeringFunctions.Portal.Status;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>
/// The status page of one peering: a live progress line of the six steps with their times and the pcx id, what
/// failed and what was undone, and the network picture. The parts that change are rendered on their own too, for the
/// page's script to swap in while the peering runs.
/// </summary>
internal static class StatusView
{
    /// <summary>The page's main content.</summary>
    public static string Body(PeeringSnapshot peering, IReadOnlyList<StepState> steps, string picture, string? intro)
    {
        var html = new StringBuilder(8192);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(peering.Request.Name)}</h1>\n");
        if (intro is not null)
        {
            html.Append(intro);
        }

        html.Append(CultureInfo.InvariantCulture, $"<p id=\"announce\" class=\"announce\" role=\"status\">{E(Announce(peering, steps))}</p>\n");
        html.Append("<div id=\"live\">").Append(LiveParts(peering, steps, picture)).Append("</div>\n");
        return html.ToString();
    }

    /// <summary>Everything below the announcement: swapped in whole by the script when it changes.</summary>
    public static string LiveParts(PeeringSnapshot peering, IReadOnlyList<StepState> steps, string picture)
    {
        var html = new StringBuilder(8192);
        html.Append(Summary(peering));
        html.Append("<h2 id=\"progress-heading\">Progress</h2>\n");
        html.Append(Steps(steps));
        html.Append(Outcome(peering));
        html.Append(Health(peering.Health));
        html.Append("<h2 id=\"picture-heading\">The two VPCs</h2>\n");
        html.Append("<figure class=\"figure\" aria-labelledby=\"picture-heading\">").Append(picture)
            .Append("<figcaption>Drawn from what Tencent reports now. ✓ present, ○ still to come.</figcaption></figure>\n");
        return html.ToString();
    }

    public static string Steps(IReadOnlyList<StepState> steps)
    {
        var html = new StringBuilder(2048);
        html.Append("<ol class=\"steps\" aria-labelledby=\"progress-heading\">\n");
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var (cssClass, word) = step.Status switch
            {
                StepStatus.Done => ("done", "done"),
                StepStatus.Current => ("current", "in progress"),
                StepStatus.Failed => ("failed", "failed"),
                StepStatus.Undone => ("undone", "undone"),
                _ => ("pending", "not reached"),
            };
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"step {cssClass}\" data-step=\"{step.Key}\"{(step.Status == StepStatus.Current ? " aria-current=\"step\"" : "")}>");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"dot\" aria-hidden=\"true\">{(step.Status switch { StepStatus.Done => "✓", StepStatus.Failed => "✗", StepStatus.Undone => "↺", _ => (i + 1).ToString(CultureInfo.InvariantCulture) })}</span>");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"label\">{E(step.Label)}</span>");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"word\">{E(step.Note ?? word)}</span>");
            if (step.At is { } at)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"at\">{(step.Status == StepStatus.Current ? "since " : "")}{Time(at, "HH:mm:ss")}</span>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n");
        return html.ToString();
    }

    /// <summary>One sentence for the live region: what is happening now, or how it ended.</summary>
    public static string Announce(PeeringSnapshot peering, IReadOnlyList<StepState> steps)
    {
        if (peering.Outcome is { } outcome)
        {
            return outcome.Status == PeeringStatus.Active ? $"ACTIVE: {outcome.Message}" : $"{Words(outcome.Status)}: {outcome.Message}";
        }

        if (!peering.IsRunning)
        {
            return $"The workflow stopped ({peering.RuntimeStatus}).";
        }

        var current = steps.Where(s => s.Status is StepStatus.Current or StepStatus.Failed).ToList();
        if (current.Count == 0)
        {
            return "Starting.";
        }

        var index = steps.ToList().IndexOf(current[0]) + 1;
        var names = string.Join(" and ", current.Select(s => s.Label.ToLowerInvariant()));
        var note = current[0].Note is { } text ? $": {text}" : "";
        return $"Step {index} of {steps.Count}, {names}{note}.";
    }

    private static string Summary(PeeringSnapshot peering)
    {
        var request = peering.Request;
        var html = new StringBuilder(1024);
        html.Append("<dl class=\"facts\">");
        Fact(html, "State", $"<span class=\"badge {BadgeClass(peering.State)}\">{E(Words(peering.State))}</span>");
        Fact(html, "Peering connection", peering.PeeringConnectionId is { } pcx ? $"<code>{E(pcx)}</code>" : "not created yet");
        if (peering.Bandwidth is { } bandwidth)
        {
            Fact(html, "Bandwidth", E(BandwidthText(bandwidth)));
        }
        Fact(html, "From", $"{E(Side(request.Initiator))}");
        Fact(html, "To", $"{E(Side(request.Receiver))}");
        Fact(html, "Requested", Time(peering.CreatedAt));
        if (peering.Progress?.AcceptanceDeadline is { } deadline && peering.IsRunning)
        {
            Fact(html, "Decision deadline", Time(deadline));
        }

        Fact(html, "Last change", Time(peering.LastUpdatedAt));
        if (peering.Stuck is { } stuck)
        {
            Fact(html, "Stuck", Stuck(stuck));
        }

        Fact(html, "Id", $"<code>{E(peering.InstanceId)}</code>");
        html.Append("</dl>\n");
        return html.ToString();
    }

    /// <summary>The cap Tencent last reported, and what the latest change did or is doing.</summary>
    public static string BandwidthText(PeeringBandwidthView bandwidth)
    {
        var read = bandwidth.Mbps is { } mbps ? $"{mbps} Mbps, as Tencent reported it {bandwidth.ReadWhen()}" : "not read yet";
        return bandwidth.LastChange switch
        {
            { Outcome: { } outcome } change => $"{read}. Last change, to {change.RequestedMbps} Mbps: {outcome.Status.ToLowerInvariant()}.",
            { } change => $"{read}. Changing to {change.RequestedMbps} Mbps ({change.Step ?? change.RuntimeStatus}).",
            null => read + ".",
        };
    }

    private static string Outcome(PeeringSnapshot peering)
    {
        var html = new StringBuilder(1024);
        if (peering.Outcome is not { } outcome)
        {
            if (peering.IsRunning && peering.Progress is { Step: PeeringSteps.Compensating, Message: { } reason })
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"notice failure\"><h2>Failing</h2><p>{E(reason)}</p><p>Partial work is being undone.</p></div>\n");
            }
            else if (!peering.IsRunning)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"notice failure\"><h2>What failed</h2><p>The workflow stopped ({E(peering.RuntimeStatus)}){(peering.FailureMessage is { } message ? ": " + E(message) : ".")}</p></div>\n");
            }

            return html.ToString();
        }

        if (outcome.Status == PeeringStatus.Active)
        {
            return ""; // the announcement above says it
        }

        html.Append("<div class=\"notice failure\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{(outcome.Status == PeeringStatus.Failed || outcome.Status == PeeringStatus.PreflightFailed ? "What failed" : "How it ended")}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(outcome.Message)}</p>");
        if (outcome.ErrorCode is { } code)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Tencent error code: <code>{E(code)}</code></p>");
        }

        List(html, outcome.Problems);
        html.Append("<h2>What was undone</h2>");
        if (outcome.Undone.Count > 0)
        {
            List(html, outcome.Undone);
        }
        else
        {
            html.Append(outcome.Status == PeeringStatus.PreflightFailed
                ? "<p>Nothing: pre-flight only reads, nothing was created.</p>"
                : "<p>Nothing needed undoing.</p>");
        }

        html.Append("</div>\n");
        return html.ToString();
    }

    /// <summary>
    /// The status page of a peering the registry holds without its workflow's history (purged, or adopted): what the
    /// record says, and its health. No steps and no live parts: nothing runs.
    /// </summary>
    public static string RegisteredBody(PeeringView peering)
    {
        var html = new StringBuilder(4096);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(peering.Name)}</h1>\n");
        html.Append("<p class=\"notice\" role=\"status\">Shown from the peering registry: this peering's workflow history is not kept here any more.</p>\n");
        html.Append("<dl class=\"facts\">");
        Fact(html, "State", $"<span class=\"badge {BadgeClass(peering.State)}\">{E(Words(peering.State))}</span>");
        Fact(html, "Peering connection", peering.PeeringConnectionId is { } pcx ? $"<code>{E(pcx)}</code>" : "none");
        Fact(html, "From", E(SideOf(peering.Initiator)));
        Fact(html, "To", E(SideOf(peering.Receiver)));
        if (peering.Origin is { } origin)
        {
            Fact(html, "Origin", E(origin));
        }

        if (peering.RequestedBy is { } requestedBy)
        {
            Fact(html, "Requested by", E(requestedBy));
        }

        if (peering.ApprovedBy is { } approvedBy)
        {
            Fact(html, "Approved by", E(approvedBy));
        }

        if (peering.RepairPolicy is { } policy)
        {
            Fact(html, "On drift", E(policy == RepairPolicies.Notify ? "notify only" : "repair and report"));
        }

        Fact(html, "Last change", Time(peering.LastUpdatedAt));
        if (peering.Stuck is { } stuck)
        {
            Fact(html, "Stuck", Stuck(stuck));
        }

        Fact(html, "Id", $"<code>{E(peering.Id)}</code>");
        html.Append("</dl>\n");
        if (!string.IsNullOrEmpty(peering.Message))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(peering.Message)}</p>\n");
        }

        html.Append(Health(peering.Health));
        return html.ToString();
    }

    private static string SideOf(PeeringSideView side) => $"{side.Account ?? "UIN " + side.Uin} · {side.Region} · {side.VpcId}";

    /// <summary>The watcher's findings now, and its history: what was wrong and what was done, when.</summary>
    /// <summary>The stuck check's report: a badge naming the instance, the step and since when.</summary>
    public static string Stuck(StuckView stuck) =>
        $"<span class=\"badge bad stuck\" title=\"{E(stuck.InstanceId)}\">Stuck</span> {E($"at {stuck.Step} since {stuck.Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC")}";

    public static string Health(PeeringHealth? health)
    {
        if (health is null)
        {
            return "";
        }

        var html = new StringBuilder(1024);
        html.Append("<section class=\"health\" aria-labelledby=\"health-heading\"><h2 id=\"health-heading\">Health</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><span class=\"badge {HealthBadgeClass(health.Status)}\">{E(health.Status)}</span> ");
        html.Append(health.CheckedAt is { } checkedAt ? $"last checked {Time(checkedAt)}" : "not checked yet");
        html.Append("</p>\n");
        if (health.Findings.Count > 0)
        {
            html.Append("<h3>What is wrong now</h3><ul class=\"findings\">");
            foreach (var finding in health.Findings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(finding.Description)} <span class=\"at\">since {Time(finding.FirstSeenAt)}</span></li>");
            }

            html.Append("</ul>\n");
        }

        if (health.History.Count > 0)
        {
            html.Append("<h3>History</h3><ol class=\"health-history\" reversed>");
            foreach (var entry in health.History.Reverse())
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"at\">{Time(entry.At)}</span> <strong>{E(entry.Kind)}</strong>: {E(entry.Description)}</li>");
            }

            html.Append("</ol>\n");
        }

        html.Append("</section>\n");
        return html.ToString();
    }

    /// <summary>The form field values of the status page's repair buttons (POST to the page's own URL).</summary>
    public const string RepairAction = "repair";

    public const string ExtendRoutesAction = "extend-routes";

    /// <summary>
    /// One-click buttons for what the watcher found: "Repair now" for findings a repair puts right, "Extend routes" for a
    /// CIDR the peer VPC gained. Forms without an action attribute post back to the page's own URL, so the portal's key
    /// (in the page's query) goes with them and is never written into the page. Empty when there is nothing to offer.
    /// </summary>
    public static string RepairActions(PeeringHealth? health)
    {
        var findings = health?.Findings ?? [];
        var html = new StringBuilder();
        if (findings.Any(f => Peerings.Watching.DriftWatcher.RepairableKinds.Contains(f.Kind)))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<form class=\"repair\" method=\"post\"><input type=\"hidden\" name=\"action\" value=\"{RepairAction}\"><button type=\"submit\" id=\"repair\">Repair now</button></form>\n");
        }

        if (findings.Any(f => f.Kind == DriftKinds.CidrAdded))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<form class=\"repair\" method=\"post\"><input type=\"hidden\" name=\"action\" value=\"{ExtendRoutesAction}\"><button type=\"submit\" id=\"extend-routes\">Extend routes to the new CIDR</button></form>\n");
        }

        return html.ToString();
    }

    public static string HealthBadgeClass(string status) => status switch
    {
        HealthStatuses.Healthy => "ok",
        HealthStatuses.Drifted => "bad",
        _ => "neutral",
    };

    private static void List(StringBuilder html, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append("<ul>");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(item)}</li>");
        }

        html.Append("</ul>");
    }

    private static void Fact(StringBuilder html, string term, string definition) =>
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>{E(term)}</dt><dd>{definition}</dd></div>");

    public static string Side(PeeringSide side) => $"{side.Account ?? "UIN " + side.ExternalUin} · {side.Region} · {side.VpcId}";

    /// <summary>A state word as people read it.</summary>
    public static string Words(string state) => PeeringVocabulary.Title(state);

    public static string BadgeClass(string state) => state switch
    {
        PeeringStatus.Active => "ok",
        PeeringStatus.Failed or PeeringStatus.PreflightFailed or PeeringStatus.PeerDeleted or LifecycleStates.TeardownFailed or "Terminated" => "bad",
        PeeringStatus.Rejected or PeeringStatus.Expired or LifecycleStates.TornDown => "neutral",
        _ => "running",
    };
}
