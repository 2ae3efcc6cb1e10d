using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Commands;

/// <summary>
/// Reads what a person typed: help, status &lt;id&gt;, audit &lt;id&gt;, list [state], accept &lt;id&gt;, reject &lt;id&gt;,
/// teardown &lt;id&gt;, bandwidth &lt;id&gt; &lt;Mbps&gt;, repair &lt;id&gt;, extend-routes &lt;id&gt;, discovered, adopt &lt;pcx&gt; &lt;account&gt;/&lt;region&gt;, request field=value… (the portal's field names) or request {portal JSON}. Case and extra
/// whitespace don't matter; Teams mentions and markup are dropped; a few aliases (approve, decline, 同意, 拒绝…) work.
/// </summary>
public static partial class ChatCommandParser
{
    public const int MaxTextLength = 4000;

    public const string Usage =
        "Here is what I understand:\n" +
        "• status <id> — where a peering stands\n" +
        "• audit <id> — who asked, who decided and what was changed on Tencent, in order\n" +
        "• list [state] — recent peerings, e.g. list waiting\n" +
        "• accept <id> / reject <id> — decide as the receiver (its approvers only)\n" +
        "• teardown <id> — remove an active peering on both sides (approvers of either account; both sides are told)\n" +
        "• bandwidth <id> <Mbps> — change an active cross-region peering's bandwidth cap, 1 to 5000 (the initiator's approvers)\n" +
        "• repair <id> — put back the routes and subnets the watcher found changed, whatever the peering's policy (approvers of either account)\n" +
        "• extend-routes <id> — route the peer VPC's new CIDRs through the peering, after the same checks as a request (approvers of either account)\n" +
        "• request name=… from=account/region/vpc-… to=account/region/vpc-… [initiator.subnetIds=subnet-…,…] [bandwidthMbps=… (required across regions)] — or the portal's JSON after 'request'\n" +
        "• discovered — active peerings our accounts see that are not managed here yet (made in the console, say)\n" +
        "• adopt <pcx-id> <account>/<region> [repair|notify] — manage one of them as it is, nothing changed on Tencent (that account's approvers)\n" +
        "• topology status <id> — where a topology stands, account by account and pair by pair\n" +
        "• topology accept <id> [account] / topology reject <id> [account] — one decision for all the pairs your account receives\n" +
        "• help — this list\n" +
        "<id> is the peering id from list (peering-vpc-…-vpc-…) or its pcx-… id.";

    public const string RequestUsage =
        "Write a request as field=value pairs with the portal's field names, for example:\n" +
        "request name=web-to-db from=alpha/ap-guangzhou/vpc-alpha001 to=beta/ap-shanghai/vpc-beta0001 initiator.subnetIds=subnet-aaaa1111 bandwidthMbps=10\n" +
        "Fields: name, from, to (account/region/vpc, or uin:123456789/region/vpc for an external receiver), " +
        "initiator.|receiver. account, uin, region, vpcId, routeTableId, subnetIds, destinationCidrs (comma-separated), " +
        "bandwidthMbps (required across regions), chargeType, acceptanceTimeout (e.g. P2D), keepPartialWorkOnFailure, repairPolicy (repair or notify). Quote values with spaces.";

    /// <summary>The states list accepts (as PeeringView.State spells them), with a few friendly aliases.</summary>
    private static readonly Dictionary<string, string> States = BuildStates();

    private static readonly Dictionary<string, ChatVerb> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = ChatVerb.Help, ["?"] = ChatVerb.Help, ["帮助"] = ChatVerb.Help,
        ["status"] = ChatVerb.Status, ["show"] = ChatVerb.Status, ["状态"] = ChatVerb.Status,
        ["list"] = ChatVerb.List, ["ls"] = ChatVerb.List, ["列表"] = ChatVerb.List,
        ["accept"] = ChatVerb.Accept, ["approve"] = ChatVerb.Accept, ["同意"] = ChatVerb.Accept, ["接受"] = ChatVerb.Accept,
        ["reject"] = ChatVerb.Reject, ["decline"] = ChatVerb.Reject, ["deny"] = ChatVerb.Reject, ["拒绝"] = ChatVerb.Reject,
        ["teardown"] = ChatVerb.Teardown, ["tear-down"] = ChatVerb.Teardown, ["拆除"] = ChatVerb.Teardown,
        ["request"] = ChatVerb.Request, ["申请"] = ChatVerb.Request,
        ["audit"] = ChatVerb.Audit, ["history"] = ChatVerb.Audit, ["审计"] = ChatVerb.Audit,
        ["bandwidth"] = ChatVerb.Bandwidth, ["bw"] = ChatVerb.Bandwidth, ["带宽"] = ChatVerb.Bandwidth,
        ["discovered"] = ChatVerb.Discovered, ["discover"] = ChatVerb.Discovered, ["发现"] = ChatVerb.Discovered,
        ["adopt"] = ChatVerb.Adopt, ["纳管"] = ChatVerb.Adopt,
        ["repair"] = ChatVerb.Repair, ["fix"] = ChatVerb.Repair, ["修复"] = ChatVerb.Repair,
        ["extend-routes"] = ChatVerb.ExtendRoutes, ["extend"] = ChatVerb.ExtendRoutes, ["扩展路由"] = ChatVerb.ExtendRoutes,
        ["topology"] = ChatVerb.TopologyStatus, ["拓扑"] = ChatVerb.TopologyStatus,
    };

    public static ChatParseResult Parse(string? text)
    {
        if (text is { Length: > MaxTextLength })
        {
            return ChatParseResult.Fail($"That message is too long for a command (at most {MaxTextLength} characters).\n{Usage}");
        }

        var normalized = Normalize(text ?? "");
        if (normalized.Length == 0)
        {
            return ChatParseResult.Ok(ChatCommand.Help);
        }

        var (first, rest) = SplitFirst(normalized);
        if (!Verbs.TryGetValue(first, out var verb))
        {
            return ChatParseResult.Fail($"Sorry, I don't know \"{Shorten(first)}\".\n{Usage}");
        }

        switch (verb)
        {
            case ChatVerb.Help:
                return ChatParseResult.Ok(ChatCommand.Help);
            case ChatVerb.List:
                return ParseList(rest);
            case ChatVerb.Request:
                return ParseRequest(rest);
            case ChatVerb.Bandwidth:
                return ParseBandwidth(rest);
            case ChatVerb.TopologyStatus:
                return ParseTopology(rest);
            case ChatVerb.Discovered:
                return Tokenize(rest).Count == 0
                    ? ChatParseResult.Ok(new ChatCommand(ChatVerb.Discovered))
                    : ChatParseResult.Fail("discovered takes nothing after it. Write: discovered");
            case ChatVerb.Adopt:
                return ParseAdopt(rest);
            default:
                return ParseTarget(verb, rest);
        }
    }

    /// <summary>Drops Teams mentions, markup, HTML entities and odd spaces; a leading "/peering" is ignored too.</summary>
    public static string Normalize(string text)
    {
        var plain = MentionPattern().Replace(text, " ");
        plain = TagPattern().Replace(plain, " ");
        plain = WebUtility.HtmlDecode(plain);
        var builder = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            builder.Append(c is '\u00A0' or '\u3000' or '\t' or '\r' or '\n' ? ' ' : c);
        }

        var result = builder.ToString().Trim();
        if (result.StartsWith("/peering", StringComparison.OrdinalIgnoreCase) && (result.Length == 8 || result[8] == ' '))
        {
            result = result[8..].TrimStart();
        }

        return result;
    }

    private static ChatParseResult ParseTarget(ChatVerb verb, string rest)
    {
        var args = Tokenize(rest);
        var name = verb == ChatVerb.ExtendRoutes ? "extend-routes" : verb.ToString().ToLowerInvariant();
        if (args.Count == 0)
        {
            return ChatParseResult.Fail($"Which peering? Write: {name} <id> — the id from list (peering-vpc-…-vpc-…) or its pcx-… id.");
        }

        if (args.Count > 1)
        {
            return ChatParseResult.Fail($"{name} takes one peering id, not {args.Count} words. Write: {name} <id>");
        }

        var target = args[0].ToLowerInvariant();
        if (!PeeringInstanceIds.IsPeeringId(target) && !PcxPattern().IsMatch(target))
        {
            return ChatParseResult.Fail($"\"{Shorten(args[0])}\" is not a peering id. Use the id from list (peering-vpc-…-vpc-…) or the pcx-… id.");
        }

        return ChatParseResult.Ok(new ChatCommand(verb, Target: target));
    }

    /// <summary>adopt &lt;pcx&gt; &lt;account&gt;/&lt;region&gt; [repair|notify]: what discovered prints for each peering.</summary>
    private static ChatParseResult ParseAdopt(string rest)
    {
        const string Syntax = "Write: adopt <pcx-id> <account>/<region> [repair|notify], e.g. adopt pcx-ab12cd34 alpha/ap-guangzhou notify (discovered lists them)";
        var args = Tokenize(rest);
        if (args.Count is < 2 or > 3)
        {
            return ChatParseResult.Fail($"adopt takes a pcx id, the account and region that see it, and optionally a repair policy. {Syntax}");
        }

        var pcx = args[0].ToLowerInvariant();
        if (!PcxPattern().IsMatch(pcx))
        {
            return ChatParseResult.Fail($"\"{Shorten(args[0])}\" is not a peering connection id (pcx-…). {Syntax}");
        }

        var where = args[1].Split('/');
        if (where.Length != 2 || where.Any(string.IsNullOrWhiteSpace))
        {
            return ChatParseResult.Fail($"\"{Shorten(args[1])}\" is not account/region. {Syntax}");
        }

        return ChatParseResult.Ok(new ChatCommand(
            ChatVerb.Adopt, Target: pcx, Account: where[0], Region: where[1], RepairPolicy: args.Count == 3 ? args[2].ToLowerInvariant() : null));
    }

    /// <summary>bandwidth &lt;id&gt; &lt;Mbps&gt;: "200", "200Mbps" and "200 Mbps" all read as 200.</summary>
    private static ChatParseResult ParseBandwidth(string rest)
    {
        const string Syntax = "Write: bandwidth <id> <Mbps>, e.g. bandwidth peering-vpc-…-vpc-… 200";
        var args = Tokenize(rest);
        if (args.Count == 3 && args[2].Equals("mbps", StringComparison.OrdinalIgnoreCase))
        {
            args.RemoveAt(2);
        }

        if (args.Count != 2)
        {
            return ChatParseResult.Fail($"bandwidth takes a peering id and a number of Mbps. {Syntax}");
        }

        var target = args[0].ToLowerInvariant();
        if (!PeeringInstanceIds.IsPeeringId(target) && !PcxPattern().IsMatch(target))
        {
            return ChatParseResult.Fail($"\"{Shorten(args[0])}\" is not a peering id. Use the id from list (peering-vpc-…-vpc-…) or the pcx-… id.");
        }

        var number = args[1].EndsWith("mbps", StringComparison.OrdinalIgnoreCase) ? args[1][..^4] : args[1];
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var mbps))
        {
            return ChatParseResult.Fail($"\"{Shorten(args[1])}\" is not a whole number of Mbps. {Syntax}");
        }

        return ChatParseResult.Ok(new ChatCommand(ChatVerb.Bandwidth, Target: target, BandwidthMbps: mbps));
    }

    private static ChatParseResult ParseTopology(string rest)
    {
        const string Syntax = "Write: topology status <id>, or topology accept <id> [account] / topology reject <id> [account] (the id is topology-<name>).";
        var args = Tokenize(rest);
        if (args.Count < 2)
        {
            return ChatParseResult.Fail($"Which topology, and what about it? {Syntax}");
        }

        ChatVerb? verb = Verbs.GetValueOrDefault(args[0]) switch
        {
            ChatVerb.Status => ChatVerb.TopologyStatus,
            ChatVerb.Accept => ChatVerb.TopologyAccept,
            ChatVerb.Reject => ChatVerb.TopologyReject,
            _ => null,
        };
        var id = args[1].ToLowerInvariant();
        if (verb is null)
        {
            return ChatParseResult.Fail($"I can show, accept or reject a topology, not \"{Shorten(args[0])}\". {Syntax}");
        }

        if (!PeeringFunctions.Peerings.Topologies.TopologyIds.IsTopologyId(id))
        {
            return ChatParseResult.Fail($"\"{Shorten(args[1])}\" is not a topology id. {Syntax}");
        }

        if (args.Count > (verb == ChatVerb.TopologyStatus ? 2 : 3))
        {
            return ChatParseResult.Fail($"Too many words. {Syntax}");
        }

        return ChatParseResult.Ok(new ChatCommand(verb.Value, Target: id, Account: args.Count == 3 ? args[2] : null));
    }

    private static ChatParseResult ParseList(string rest)
    {
        var args = Tokenize(rest);
        if (args.Count == 0)
        {
            return ChatParseResult.Ok(new ChatCommand(ChatVerb.List));
        }

        if (args.Count == 1 && States.TryGetValue(args[0], out var state))
        {
            return ChatParseResult.Ok(new ChatCommand(ChatVerb.List, State: state));
        }

        return ChatParseResult.Fail(
            $"I can list by one state: {string.Join(", ", States.Values.Distinct())} (or waiting). Write: list [state]");
    }

    private static ChatParseResult ParseRequest(string rest)
    {
        if (rest.Length == 0)
        {
            return ChatParseResult.Fail(RequestUsage);
        }

        if (rest.StartsWith('{'))
        {
            return ChatParseResult.Ok(ParseJsonRequest(rest));
        }

        var body = new PeeringRequestBody();
        var problems = new List<FieldProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in Tokenize(rest))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add(new FieldProblem(Shorten(token), "is not field=value (for example name=web-to-db)"));
                continue;
            }

            var key = token[..equals].Trim();
            var value = token[(equals + 1)..].Trim();
            if (!RequestFields.TryGetValue(key, out var field))
            {
                problems.Add(new FieldProblem(Shorten(key), "is not a field of a peering request"));
                continue;
            }

            if (!seen.Add(field.Name))
            {
                problems.Add(new FieldProblem(field.Name, "is given twice"));
                continue;
            }

            if (value.Length == 0)
            {
                problems.Add(new FieldProblem(field.Name, "has no value"));
                continue;
            }

            field.Set(body, value, problems);
        }

        return ChatParseResult.Ok(new ChatCommand(ChatVerb.Request, Request: body, Problems: problems));
    }

    private static ChatCommand ParseJsonRequest(string json)
    {
        var straight = json.Replace('“', '"').Replace('”', '"');
        try
        {
            var body = JsonSerializer.Deserialize<PeeringRequestBody>(straight, ApiJson.Options);
            return body is null
                ? new ChatCommand(ChatVerb.Request, Request: new PeeringRequestBody(), Problems: [new FieldProblem("$", "must be a JSON object")])
                : new ChatCommand(ChatVerb.Request, Request: body, Problems: []);
        }
        catch (JsonException error)
        {
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "$" : error.Path.TrimStart('$', '.');
            return new ChatCommand(ChatVerb.Request, Request: null,
                Problems: [new FieldProblem(field, "must be well-formed JSON of the portal's request; unknown fields are refused")]);
        }
    }

    /// <summary>Splits on whitespace; "…", '…', “…” and ‘…’ keep spaces inside a word (the quotes are dropped).</summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        char? closing = null;
        foreach (var c in text)
        {
            if (closing is { } close)
            {
                if (c == close || (close == '"' && c == '”') || (close == '\'' && c == '’'))
                {
                    closing = null;
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }

                continue;
            }

            inToken = true;
            closing = c switch
            {
                '"' or '“' or '”' => '"',
                '\'' or '‘' or '’' => '\'',
                _ => null,
            };
            if (closing is null)
            {
                current.Append(c);
            }
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static (string Verb, string Arguments) SplitFirst(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..].Trim());
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed record RequestField(string Name, Action<PeeringRequestBody, string, List<FieldProblem>> Set);

    private static readonly Dictionary<string, RequestField> RequestFields = BuildRequestFields();

    private static Dictionary<string, RequestField> BuildRequestFields()
    {
        var fields = new Dictionary<string, RequestField>(StringComparer.OrdinalIgnoreCase);
        void Add(string name, Action<PeeringRequestBody, string, List<FieldProblem>> set) => fields[name] = new RequestField(name, set);

        Add("name", (b, v, _) => b.Name = v);
        Add("chargeType", (b, v, _) => b.ChargeType = v);
        Add("acceptanceTimeout", (b, v, _) => b.AcceptanceTimeout = v);
        Add("repairPolicy", (b, v, _) => b.RepairPolicy = v);
        Add("bandwidthMbps", (b, v, p) =>
        {
            if (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var mbps))
            {
                b.BandwidthMbps = mbps;
            }
            else
            {
                p.Add(new FieldProblem("bandwidthMbps", "must be a whole number of Mbps"));
            }
        });
        Add("keepPartialWorkOnFailure", (b, v, p) =>
        {
            if (ParseBool(v) is { } keep)
            {
                b.KeepPartialWorkOnFailure = keep;
            }
            else
            {
                p.Add(new FieldProblem("keepPartialWorkOnFailure", "must be true or false"));
            }
        });

        foreach (var (prefix, pick) in new (string, Func<PeeringRequestBody, SideBody>)[]
                 {
                     ("initiator", b => b.Initiator ??= new SideBody()),
                     ("receiver", b => b.Receiver ??= new SideBody()),
                 })
        {
            Add($"{prefix}.account", (b, v, _) => pick(b).Account = v);
            Add($"{prefix}.uin", (b, v, _) => pick(b).Uin = v);
            Add($"{prefix}.region", (b, v, _) => pick(b).Region = v);
            Add($"{prefix}.vpcId", (b, v, _) => pick(b).VpcId = v);
            Add($"{prefix}.routeTableId", (b, v, _) => pick(b).RouteTableId = v);
            Add($"{prefix}.subnetIds", (b, v, _) => pick(b).SubnetIds = SplitList(v));
            Add($"{prefix}.destinationCidrs", (b, v, _) => pick(b).DestinationCidrs = SplitList(v));
            Add(prefix == "initiator" ? "from" : "to", (b, v, p) => SetShorthand(pick(b), v, prefix == "initiator" ? "from" : "to", p));
        }

        return fields;
    }

    /// <summary>from=/to= account/region/vpc-…; for the receiver also uin:123456789/region/vpc-….</summary>
    private static void SetShorthand(SideBody side, string value, string field, List<FieldProblem> problems)
    {
        var parts = value.Split('/');
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add(new FieldProblem(field, "must be account/region/vpc-id, e.g. alpha/ap-guangzhou/vpc-alpha001"));
            return;
        }

        if (parts[0].StartsWith("uin:", StringComparison.OrdinalIgnoreCase))
        {
            side.Uin = parts[0][4..];
        }
        else
        {
            side.Account = parts[0];
        }

        side.Region = parts[1];
        side.VpcId = parts[2];
    }

    private static List<string> SplitList(string value) =>
        value.Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static bool? ParseBool(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" => true,
        "false" or "no" or "n" or "0" => false,
        _ => null,
    };

    private static Dictionary<string, string> BuildStates()
    {
        var states = PeeringVocabulary.States.ToDictionary(state => state, StringComparer.OrdinalIgnoreCase);
        states["waiting"] = PeeringSteps.WaitingForAcceptance;
        states["pending"] = PeeringSteps.WaitingForAcceptance;
        return states;
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionPattern();

    [GeneratedRegex("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^pcx-[a-z0-9]{4,16}\\z")]
    private static partial Regex PcxPattern();
}
