using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.Registry;
using static PeeringFunctions.Portal.Html.HtmlText;

namespace PeeringFunctions.Portal.Pages;

/// <summary>What the request form posts (and shows again after a refusal).</summary>
internal sealed record RequestForm(
    string? Name,
    string? InitiatorVpc,
    string? InitiatorRouteTable,
    IReadOnlyList<string> InitiatorSubnets,
    string? ReceiverVpc,
    string? ReceiverRouteTable,
    IReadOnlyList<string> ReceiverSubnets,
    string? AcceptanceTimeout,
    string? BandwidthMbps,
    string? RepairPolicy = null)
{
    public static readonly RequestForm Empty = new(null, null, null, [], null, null, [], "P2D", null);

    public static RequestForm From(IFormCollection form) => new(
        Value(form, "name"),
        Value(form, "initiatorVpc"),
        Value(form, "initiatorRouteTable"),
        [.. form["initiatorSubnets"].OfType<string>()],
        Value(form, "receiverVpc"),
        Value(form, "receiverRouteTable"),
        [.. form["receiverSubnets"].OfType<string>()],
        Value(form, "acceptanceTimeout"),
        Value(form, "bandwidthMbps"),
        Value(form, "repairPolicy"));

    private static string? Value(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}

/// <summary>One refusal, attached to the form control it is about (its id).</summary>
internal sealed record FormError(string Field, string Message);

/// <summary>
/// The request form, filled from the accounts and VPCs the app can read. Each VPC option carries its CIDRs, so the
/// page's script refuses an overlapping pair before anything is sent; the server refuses it again on submit.
/// Without script every route table and subnet is listed, grouped by VPC, and the server checks they belong.
/// </summary>
internal static class RequestPage
{
    public static readonly IReadOnlyList<(string Value, string Label)> Timeouts =
    [
        ("PT1H", "1 hour"),
        ("PT12H", "12 hours"),
        ("P1D", "1 day"),
        ("P2D", "2 days"),
        ("P7D", "7 days (Tencent's limit)"),
    ];

    /// <summary>What the watcher does about drift (PeeringRequestBody.RepairPolicy); the first is the default.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> DriftChoices =
    [
        (RepairPolicies.Repair, "Repair it and tell both sides"),
        (RepairPolicies.Notify, "Only tell both sides (someone repairs)"),
    ];

    /// <summary>The value of a VPC option: account|region|vpc-id (split from the right: ids and regions have no '|').</summary>
    public static string KeyOf(VpcInfo vpc) => $"{vpc.Account}|{vpc.Region}|{vpc.VpcId}";

    public static (string Account, string Region, string VpcId)? ParseKey(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var last = key.LastIndexOf('|');
        var middle = last > 0 ? key.LastIndexOf('|', last - 1) : -1;
        return middle <= 0 ? null : (key[..middle], key[(middle + 1)..last], key[(last + 1)..]);
    }

    public static string Body(Inventory inventory, RequestForm form, IReadOnlyList<FormError> errors)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<h1>Request a peering</h1>\n");
        html.Append("<p class=\"lead\">Choose a VPC of yours and the VPC to peer it with. The receiver's approvers are asked to accept; ")
            .Append("then both sides get a route through the peering and the subnets you tick use the route table you choose.</p>\n");

        if (errors.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<div class=\"errors\" id=\"errors\" role=\"alert\" tabindex=\"-1\"><h2>Nothing was requested: {(errors.Count == 1 ? "1 problem" : $"{errors.Count} problems")}</h2><ul>");
            foreach (var error in errors)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{E(error.Field)}\">{E(error.Message)}</a></li>");
            }

            html.Append("</ul></div>\n");
        }

        if (inventory.Problems.Count > 0)
        {
            html.Append("<div class=\"notice\"><p>Some accounts or regions could not be read, so their VPCs are missing here:</p><ul>");
            foreach (var problem in inventory.Problems)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(problem)}</li>");
            }

            html.Append("</ul></div>\n");
        }

        if (inventory.Vpcs.Count < 2)
        {
            html.Append("<p class=\"empty\">The app sees fewer than two VPCs in its accounts and regions (Portal:Regions), so there is nothing to peer.</p>");
            return html.ToString();
        }

        // No action: the form posts to this page's own URL, keeping its query (the function key, where it is one).
        html.Append("<form method=\"post\" class=\"request\" id=\"request-form\" novalidate>\n");
        Field(html, errors, "name", "Name", "Letters, digits, spaces, '-', '_' and '.'; at most 60 characters.",
            $"<input id=\"name\" name=\"name\" type=\"text\" required maxlength=\"60\" autocomplete=\"off\" value=\"{E(form.Name)}\"{Invalid(errors, "name")}>");

        html.Append("<div class=\"sides\">\n");
        Side(html, inventory, errors, "initiator", "Your side (initiator)", form.InitiatorVpc, form.InitiatorRouteTable, form.InitiatorSubnets);
        Side(html, inventory, errors, "receiver", "Peer side (receiver)", form.ReceiverVpc, form.ReceiverRouteTable, form.ReceiverSubnets);
        html.Append("</div>\n");

        html.Append("<p id=\"overlap\" class=\"overlap\" role=\"alert\" hidden></p>\n");

        var timeoutOptions = new StringBuilder();
        foreach (var (value, label) in Timeouts)
        {
            timeoutOptions.Append(CultureInfo.InvariantCulture,
                $"<option value=\"{value}\"{(value == (form.AcceptanceTimeout ?? "P2D") ? " selected" : "")}>{E(label)}</option>");
        }

        Field(html, errors, "acceptanceTimeout", "Receiver must decide within", "After that the request is withdrawn.",
            $"<select id=\"acceptanceTimeout\" name=\"acceptanceTimeout\"{Invalid(errors, "acceptanceTimeout")}>{timeoutOptions}</select>");
        Field(html, errors, "bandwidthMbps", "Bandwidth cap (Mbps)", "Required for peerings across regions (billed to your account); not used within a region.",
            $"<input id=\"bandwidthMbps\" name=\"bandwidthMbps\" type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"5000\" value=\"{E(form.BandwidthMbps)}\"{Invalid(errors, "bandwidthMbps")}>");

        var driftOptions = new StringBuilder();
        foreach (var (value, label) in DriftChoices)
        {
            driftOptions.Append(CultureInfo.InvariantCulture,
                $"<option value=\"{value}\"{(value == (form.RepairPolicy ?? RepairPolicies.Repair) ? " selected" : "")}>{E(label)}</option>");
        }

        Field(html, errors, "repairPolicy", "When a route or subnet drifts", "What the watcher does when it finds the peering's routes or subnets changed.",
            $"<select id=\"repairPolicy\" name=\"repairPolicy\"{Invalid(errors, "repairPolicy")}>{driftOptions}</select>");

        html.Append("<div class=\"actions\"><button type=\"submit\" id=\"submit-request\">Request peering</button></div>\n</form>\n");
        return html.ToString();
    }

    private static void Side(
        StringBuilder html, Inventory inventory, IReadOnlyList<FormError> errors, string role, string legend,
        string? chosenVpc, string? chosenTable, IReadOnlyList<string> chosenSubnets)
    {
        html.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"side\" data-side=\"{role}\"><legend>{E(legend)}</legend>\n");

        var vpcOptions = new StringBuilder();
        vpcOptions.Append("<option value=\"\">Choose a VPC</option>");
        foreach (var account in inventory.Vpcs.GroupBy(v => v.Vpc.Account, StringComparer.OrdinalIgnoreCase))
        {
            var uin = inventory.Accounts.FirstOrDefault(a => string.Equals(a.Alias, account.Key, StringComparison.OrdinalIgnoreCase))?.Uin;
            vpcOptions.Append(CultureInfo.InvariantCulture, $"<optgroup label=\"{E(account.Key)}{(uin is null ? "" : $" (UIN {E(uin)})")}\">");
            foreach (var vpc in account.Select(v => v.Vpc))
            {
                var key = KeyOf(vpc);
                vpcOptions.Append(CultureInfo.InvariantCulture,
                    $"<option value=\"{E(key)}\" data-cidrs=\"{E(string.Join(' ', vpc.AllCidrs))}\"{(key == chosenVpc ? " selected" : "")}>{E(VpcLabel(vpc))}</option>");
            }

            vpcOptions.Append("</optgroup>");
        }

        Field(html, errors, role + "Vpc", "VPC", "Account · VPC (CIDRs) · region · name.",
            $"<select id=\"{role}Vpc\" name=\"{role}Vpc\" required data-vpc-select{Invalid(errors, role + "Vpc")}>{vpcOptions}</select>");

        var tableOptions = new StringBuilder();
        tableOptions.Append(CultureInfo.InvariantCulture, $"<option value=\"\"{(chosenTable is null ? " selected" : "")}>the VPC's main route table</option>");
        foreach (var vpc in inventory.Vpcs)
        {
            var key = KeyOf(vpc.Vpc);
            tableOptions.Append(CultureInfo.InvariantCulture, $"<optgroup label=\"{E(vpc.Vpc.VpcId)}\" data-vpc=\"{E(key)}\">");
            foreach (var table in vpc.RouteTables)
            {
                var selected = table.RouteTableId == chosenTable && key == chosenVpc;
                tableOptions.Append(CultureInfo.InvariantCulture,
                    $"<option value=\"{E(table.RouteTableId)}\" data-vpc=\"{E(key)}\"{(selected ? " selected" : "")}>{E(table.RouteTableId)}{(table.Name is { Length: > 0 } name ? " " + E(name) : "")}{(table.Main ? " (main)" : "")}</option>");
            }

            tableOptions.Append("</optgroup>");
        }

        Field(html, errors, role + "RouteTable", "Route table that gets the route", "The route through the peering is added here.",
            $"<select id=\"{role}RouteTable\" name=\"{role}RouteTable\" data-follows=\"{role}Vpc\"{Invalid(errors, role + "RouteTable")}>{tableOptions}</select>");

        html.Append(CultureInfo.InvariantCulture,
            $"<fieldset class=\"subnets\" id=\"{role}Subnets\" tabindex=\"-1\"{Described(errors, role + "Subnets", role + "Subnets-hint")}><legend>Subnets that should use that route table</legend>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{role}Subnets-hint\">Optional. A ticked subnet is moved to the route table above (and back when the peering is removed).</p>");
        AppendError(html, errors, role + "Subnets");
        foreach (var vpc in inventory.Vpcs)
        {
            var key = KeyOf(vpc.Vpc);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"subnet-group\" data-vpc=\"{E(key)}\"><p class=\"group-name\">{E(vpc.Vpc.VpcId)}</p>");
            if (vpc.Subnets.Count == 0)
            {
                html.Append("<p class=\"hint\">No subnets.</p>");
            }

            foreach (var subnet in vpc.Subnets)
            {
                var id = $"{role}-{subnet.SubnetId}";
                var ticked = key == chosenVpc && chosenSubnets.Contains(subnet.SubnetId);
                html.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"check\"><input type=\"checkbox\" id=\"{E(id)}\" name=\"{role}Subnets\" value=\"{E(subnet.SubnetId)}\" data-vpc=\"{E(key)}\"{(ticked ? " checked" : "")}>");
                html.Append(CultureInfo.InvariantCulture,
                    $"<label for=\"{E(id)}\">{E(subnet.SubnetId)}{(subnet.Name is { Length: > 0 } name ? " " + E(name) : "")} · {E(subnet.CidrBlock)}{(subnet.Zone is { } zone ? " · " + E(zone) : "")}</label></div>");
            }

            html.Append("</div>");
        }

        html.Append("</fieldset>\n</fieldset>\n");
    }

    /// <summary>The CIDRs early, so a narrow select still shows what matters for an overlap.</summary>
    public static string VpcLabel(VpcInfo vpc) =>
        $"{vpc.Account} · {vpc.VpcId} ({string.Join(", ", vpc.AllCidrs)}) · {vpc.Region}{(vpc.Name is { Length: > 0 } name ? " · " + name : "")}";

    private static void Field(StringBuilder html, IReadOnlyList<FormError> errors, string id, string label, string hint, string control)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\"><label for=\"{id}\">{E(label)}</label>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\" id=\"{id}-hint\">{E(hint)}</p>");
        AppendError(html, errors, id);
        // aria-describedby: the hint, and the error when there is one.
        var described = errors.Any(e => e.Field == id) ? $"{id}-hint {id}-error" : $"{id}-hint";
        html.Append(control.Replace($"id=\"{id}\"", $"id=\"{id}\" aria-describedby=\"{described}\"", StringComparison.Ordinal));
        html.Append("</div>\n");
    }

    private static void AppendError(StringBuilder html, IReadOnlyList<FormError> errors, string id)
    {
        var messages = errors.Where(e => e.Field == id).Select(e => e.Message).ToList();
        if (messages.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" id=\"{id}-error\">{E(string.Join(" ", messages))}</p>");
        }
    }

    private static string Invalid(IReadOnlyList<FormError> errors, string id) => errors.Any(e => e.Field == id) ? " aria-invalid=\"true\"" : "";

    private static string Described(IReadOnlyList<FormError> errors, string id, string hintId) =>
        $" aria-describedby=\"{hintId}{(errors.Any(e => e.Field == id) ? $" {id}-error" : "")}\"";
}
