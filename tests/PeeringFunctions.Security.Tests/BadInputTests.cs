using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Web;

namespace PeeringFunctions.Security.Tests;

/// <summary>
/// Item 4: malformed and hostile POST /api/peerings requests through the local host's HTTP API. Each must be refused
/// with application/problem+json naming the offending field and the rule it breaks — 400 for a body that is not a
/// valid peering request, 413 for a body over 64 KiB, 415 for a content type other than JSON — and must leave no trace:
/// no orchestration instance exists afterwards and the emulator received no Tencent call at all (so no write).
/// </summary>
public sealed class BadInputTests(PollerOffHostFixture fixture, ITestOutputHelper output) : IClassFixture<PollerOffHostFixture>
{
    private const string Json = "application/json";

    public static TheoryData<string> Kinds => [.. Cases.Keys];

    /// <summary>kind → (request body, content type or null for none, expected status, expected field, fragment of its rule).</summary>
    private static readonly Dictionary<string, BadRequest> Cases = new(StringComparer.Ordinal)
    {
        // The body is not JSON, or not a JSON object of the documented shape.
        ["not JSON at all"] = Raw("name=x&vpc=y", 400, "$", "well-formed JSON"),
        ["truncated JSON"] = Raw("{\"name\":\"a\",\"initiator\":{", 400, "initiator", "well-formed JSON"),
        ["JSON array instead of object"] = Raw("[]", 400, "$", "well-formed JSON"),
        ["JSON string instead of object"] = Raw("\"peering\"", 400, "$", "well-formed JSON"),
        ["JSON null"] = Raw("null", 400, "$", "must be a JSON object"),
        ["empty body"] = Raw("", 400, "$", "well-formed JSON"),
        ["trailing comma"] = Raw("{\"name\":\"x\",}", 400, "$", "well-formed JSON"),
        ["comment in JSON"] = Raw("{/* hi */\"name\":\"x\"}", 400, "$", "well-formed JSON"),
        ["invalid UTF-8 bytes"] = new(Encoding.UTF8.GetBytes("{\"name\":\"").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray(), Json, 400, "name", "well-formed JSON"),
        ["deeply nested arrays where strings belong"] = Raw("{\"initiator\":{\"subnetIds\":" + new string('[', 20) + new string(']', 20) + "}}", 400, "initiator.subnetIds[0]", "documented type"),
        ["unknown field (misspelt)"] = Body(b => b["initiatr"] = "alpha", 400, "initiatr", "unknown fields are refused"),
        ["number where a string belongs"] = Body(b => b["name"] = 42, 400, "name", "documented type"),
        ["string where a number belongs"] = Body(b => b["bandwidthMbps"] = "fast", 400, "bandwidthMbps", "documented type"),
        ["number sent as a string"] = Body(b => b["bandwidthMbps"] = "100", 400, "bandwidthMbps", "documented type"),
        ["receiver given twice (the last would win)"] = Raw(WithRawProperty(Valid(), "\"receiver\":" + PeeringRequests.Side("alpha", "ap-guangzhou", "vpc-mallory1").ToJsonString()), 400, "receiver", "given once"),
        ["name given twice in another letter case"] = Raw(WithRawProperty(Valid(), "\"NAME\":\"innocent\""), 400, "NAME", "given once"),
        ["vpcId given twice inside a side"] = Raw(Valid().ToJsonString().Replace("\"vpcId\":\"vpc-beta0001\"", "\"vpcId\":\"vpc-beta0001\",\"VpcId\":\"vpc-mallory1\"", StringComparison.Ordinal), 400, "receiver.VpcId", "given once"),
        ["number overflowing int64"] = Raw(Valid().ToJsonString().Replace("\"bandwidthMbps\":20", "\"bandwidthMbps\":1e40", StringComparison.Ordinal), 400, "bandwidthMbps", "documented type"),

        // Transport: content type and size.
        ["content type text/plain"] = new(Bytes(Valid()), "text/plain", 415, "Content-Type", "must be application/json"),
        ["no content type"] = new(Bytes(Valid()), null, 415, "Content-Type", "must be application/json"),
        ["content type application/xml"] = new(Encoding.UTF8.GetBytes("<peering/>"), "application/xml", 415, "Content-Type", "must be application/json"),
        ["form-encoded body"] = new(Encoding.UTF8.GetBytes("name=x"), "application/x-www-form-urlencoded", 415, "Content-Type", "must be application/json"),
        ["oversized body (Content-Length 80 KiB)"] = new(Bytes(Valid().With(b => b["name"] = new string('a', 80 * 1024))), Json, 413, "$", "at most 65536 bytes"),
        ["oversized body, chunked without Content-Length"] = new(Bytes(Valid().With(b => b["name"] = new string('a', 80 * 1024))), Json, 413, "$", "at most 65536 bytes") { Chunked = true },

        // The name: required, short, and nothing that makes it lie about itself.
        ["name missing"] = Body(b => b.Remove("name"), 400, "name", "is required"),
        ["name only whitespace"] = Body(b => b["name"] = "   ", 400, "name", "is required"),
        ["name of 61 characters"] = Body(b => b["name"] = new string('n', 61), 400, "name", "at most 60 characters"),
        ["name with a control character"] = Body(b => b["name"] = "prod\u0007bell", 400, "name", "may contain only"),
        ["name with a newline (log forging)"] = Body(b => b["name"] = "ok\nERROR approved by admin", 400, "name", "may contain only"),
        ["name with a right-to-left override"] = Body(b => b["name"] = "prod\u202Etxt.exe", 400, "name", "invisible"),
        ["name with a zero-width space"] = Body(b => b["name"] = "prod\u200Bpeering", 400, "name", "invisible"),
        ["name with a Hangul filler (invisible letter)"] = Body(b => b["name"] = "prod\u3164peering", 400, "name", "invisible"),
        ["name of Hangul choseong and jungseong fillers only"] = Body(b => b["name"] = "\u115F\u1160", 400, "name", "invisible"),
        ["name with a half-width Hangul filler"] = Body(b => b["name"] = "ok\uFFA0", 400, "name", "invisible"),
        ["name with a word joiner"] = Body(b => b["name"] = "prod\u2060peering", 400, "name", "invisible"),
        ["name with a byte order mark inside"] = Body(b => b["name"] = "prod\uFEFFpeering", 400, "name", "invisible"),
        ["name with a left-to-right isolate"] = Body(b => b["name"] = "prod\u2066peering", 400, "name", "invisible"),
        ["name word mixing Latin and Cyrillic"] = Body(b => b["name"] = "prod-p\u0430yments", 400, "name", "mixes Latin, Greek or Cyrillic"),
        ["name word mixing Latin and Greek"] = Body(b => b["name"] = "pr\u03BFd to beta", 400, "name", "mixes Latin, Greek or Cyrillic"),
        ["name with markup"] = Body(b => b["name"] = "<script>alert(1)</script>", 400, "name", "may contain only"),

        // The sides and their identifiers.
        ["initiator missing"] = Body(b => b.Remove("initiator"), 400, "initiator", "is required"),
        ["receiver missing"] = Body(b => b.Remove("receiver"), 400, "receiver", "is required"),
        ["vpcId in upper case"] = Body(b => Initiator(b)["vpcId"] = "vpc-ALPHA001", 400, "initiator.vpcId", "must look like vpc-"),
        ["vpcId with another resource's prefix"] = Body(b => Initiator(b)["vpcId"] = "rtb-alphapcx", 400, "initiator.vpcId", "must look like vpc-"),
        ["vpcId with a trailing newline"] = Body(b => Initiator(b)["vpcId"] = "vpc-alpha001\n", 400, "initiator.vpcId", "must look like vpc-"),
        ["vpcId in full-width letters"] = Body(b => Initiator(b)["vpcId"] = "ｖｐｃ-alpha001", 400, "initiator.vpcId", "must look like vpc-"),
        ["vpcId with Arabic-Indic digits"] = Body(b => Initiator(b)["vpcId"] = "vpc-alpha٠٠١", 400, "initiator.vpcId", "must look like vpc-"),
        ["receiver vpcId missing"] = Body(b => Receiver(b).Remove("vpcId"), 400, "receiver.vpcId", "is required"),
        ["routeTableId with a path"] = Body(b => Initiator(b)["routeTableId"] = "rtb-../../x", 400, "initiator.routeTableId", "must look like rtb-"),
        ["subnet id malformed"] = Body(b => Initiator(b)["subnetIds"] = new JsonArray("subnet-"), 400, "initiator.subnetIds[0]", "must look like subnet-"),
        ["subnet listed twice"] = Body(b => Initiator(b)["subnetIds"] = new JsonArray("subnet-alphaweb", "subnet-alphaweb"), 400, "initiator.subnetIds", "must not repeat"),
        ["21 subnets"] = Body(b => Initiator(b)["subnetIds"] = new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode?)$"subnet-{i:D8}")]), 400, "initiator.subnetIds", "at most 20"),
        ["same VPC on both sides"] = Body(b => b["receiver"] = PeeringRequests.Side("alpha", "ap-guangzhou", DemoIds.AlphaVpc), 400, "receiver.vpcId", "must differ from initiator.vpcId"),
        ["region malformed"] = Body(b => Initiator(b)["region"] = "AP-GUANGZHOU", 400, "initiator.region", "must be a known Tencent region"),
        ["region of 60,000 characters"] = Body(b => Initiator(b)["region"] = "ap-" + new string('x', 60_000), 400, "initiator.region", "must be a known Tencent region"),
        ["region not in Tencent's list"] = Body(b => Receiver(b)["region"] = "ap-atlantis", 400, "receiver.region", "must be a known Tencent region"),
        ["region given as a short code"] = Body(b => Initiator(b)["region"] = "gz", 400, "initiator.region", "must be a known Tencent region"),
        ["region missing"] = Body(b => Receiver(b).Remove("region"), 400, "receiver.region", "is required"),

        // Accounts: only configured ones; the initiator must be ours.
        ["unknown initiator account"] = Body(b => Initiator(b)["account"] = "mallory", 400, "initiator.account", "is not a configured account"),
        ["unknown receiver account"] = Body(b => Receiver(b)["account"] = "mallory", 400, "receiver.account", "is not a configured account"),
        ["account alias with a Cyrillic homoglyph"] = Body(b => Initiator(b)["account"] = "аlpha", 400, "initiator.account", "is not a configured account"),
        ["initiator given by UIN (not a managed account)"] = Body(b => { Initiator(b).Remove("account"); Initiator(b)["uin"] = "100000000001"; }, 400, "initiator.uin", "must be a managed account"),
        ["receiver with both account and UIN"] = Body(b => Receiver(b)["uin"] = "100000000002", 400, "receiver.uin", "cannot be given together with account"),
        ["receiver UIN not digits"] = Body(b => { Receiver(b).Remove("account"); Receiver(b)["uin"] = "12ab5"; }, 400, "receiver.uin", "5 to 20 digits"),
        ["external receiver naming our route table"] = Body(b => { Receiver(b).Remove("account"); Receiver(b)["uin"] = "100000000002"; Receiver(b).Remove("subnetIds"); }, 400, "receiver.uin", "configures its own side"),
        ["external receiver without destination CIDRs"] = Body(b => b["receiver"] = new JsonObject { ["uin"] = "100000000002", ["region"] = "ap-shanghai", ["vpcId"] = DemoIds.BetaVpc }, 400, "initiator.destinationCidrs", "is required when the receiver is external"),

        // CIDRs.
        ["CIDR prefix /33"] = Body(b => Initiator(b)["destinationCidrs"] = new JsonArray("10.0.0.0/33"), 400, "initiator.destinationCidrs[0]", "IPv4 CIDR"),
        ["CIDR with host bits set"] = Body(b => Initiator(b)["destinationCidrs"] = new JsonArray("172.16.0.1/16"), 400, "initiator.destinationCidrs[0]", "host bits zero"),
        ["CIDR with an octet over 255"] = Body(b => Initiator(b)["destinationCidrs"] = new JsonArray("300.1.0.0/16"), 400, "initiator.destinationCidrs[0]", "IPv4 CIDR"),
        ["IPv6 CIDR"] = Body(b => Initiator(b)["destinationCidrs"] = new JsonArray("::/0"), 400, "initiator.destinationCidrs[0]", "IPv4 CIDR"),
        ["overlapping destination CIDRs"] = Body(b => Initiator(b)["destinationCidrs"] = new JsonArray("172.16.0.0/16", "172.16.5.0/24"), 400, "initiator.destinationCidrs[1]", "overlaps destinationCidrs[0]"),

        // The watcher's policy for drift.
        ["unknown repair policy"] = Body(b => b["repairPolicy"] = "fix-it", 400, "repairPolicy", "must be one of repair, notify"),
        ["repair policy in the wrong case"] = Body(b => b["repairPolicy"] = "Repair", 400, "repairPolicy", "must be one of repair, notify"),

        // Deadline and cross-region options.
        ["deadline beyond 7 days (P8D)"] = Body(b => b["acceptanceTimeout"] = "P8D", 400, "acceptanceTimeout", "between PT1M and P7D"),
        ["deadline one second beyond 7 days"] = Body(b => b["acceptanceTimeout"] = "P7DT1S", 400, "acceptanceTimeout", "between PT1M and P7D"),
        ["deadline under a minute"] = Body(b => b["acceptanceTimeout"] = "PT10S", 400, "acceptanceTimeout", "between PT1M and P7D"),
        ["deadline negative"] = Body(b => b["acceptanceTimeout"] = "-P1D", 400, "acceptanceTimeout", "ISO 8601 duration"),
        ["deadline with a trailing space"] = Body(b => b["acceptanceTimeout"] = "P2D ", 400, "acceptanceTimeout", "ISO 8601 duration"),
        ["deadline with a trailing newline"] = Body(b => b["acceptanceTimeout"] = "P2D\n", 400, "acceptanceTimeout", "ISO 8601 duration"),
        ["deadline with a leading space"] = Body(b => b["acceptanceTimeout"] = " P2D", 400, "acceptanceTimeout", "ISO 8601 duration"),
        ["deadline with a space inside"] = Body(b => b["acceptanceTimeout"] = "P 2D", 400, "acceptanceTimeout", "ISO 8601 duration"),
        ["deadline not ISO 8601"] = Body(b => b["acceptanceTimeout"] = "2 days", 400, "acceptanceTimeout", "ISO 8601 duration"),
        ["bandwidth 0"] = Body(b => b["bandwidthMbps"] = 0, 400, "bandwidthMbps", "between 1 and 5000"),
        ["bandwidth 6000"] = Body(b => b["bandwidthMbps"] = 6000, 400, "bandwidthMbps", "between 1 and 5000"),
        ["unknown charge type"] = Body(b => b["chargeType"] = "FREE", 400, "chargeType", "must be one of"),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Bad_portal_request_is_refused_with_problem_json_naming_the_field_and_starts_nothing_and_writes_nothing(string kind)
    {
        var bad = Cases[kind];
        var before = fixture.Emulator.Calls().Totals;

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/peerings") { Content = bad.Content() };
        using var response = await fixture.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == bad.Status, $"{kind}: expected {bad.Status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemBody>(text, ApiJson.Options)!;
        Assert.Equal(bad.Status, problem.Status);
        var named = problem.Errors.FirstOrDefault(e => e.Field == bad.Field);
        Assert.True(named is not null && named.Rule.Contains(bad.RuleFragment, StringComparison.Ordinal),
            $"{kind}: expected field '{bad.Field}' with a rule containing '{bad.RuleFragment}'; got {text}");

        // Nothing started, nothing sent to Tencent.
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in fixture.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            instances.Add(instance);
        }

        Assert.Empty(instances);
        var after = fixture.Emulator.Calls().Totals;
        Assert.Equal(before.Writes, after.Writes);
        Assert.Equal(0, after.Writes);
        Assert.Equal(before.Total, after.Total);
        new Figures(output, "bad input").Line($"{kind,-48} -> {(int)response.StatusCode} {named.Field}: {named.Rule}");
    }

    [Fact]
    public void At_least_thirty_distinct_kinds_of_bad_input_are_covered() => Assert.True(Cases.Count >= 30, $"{Cases.Count} kinds");

    [Fact]
    public async Task A_request_breaking_several_rules_names_every_one_of_them()
    {
        var body = Valid().With(b =>
        {
            b["name"] = "";
            Initiator(b)["vpcId"] = "vpc-x";
            Receiver(b)["account"] = "mallory";
            b["acceptanceTimeout"] = "P30D";
        });
        using var response = await fixture.Http.PostAsync("api/peerings", new ByteArrayContent(Bytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue(Json) } });
        var problem = JsonSerializer.Deserialize<ProblemBody>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["acceptanceTimeout", "initiator.vpcId", "name", "receiver.account"], problem.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(0, fixture.Emulator.Calls().Totals.Writes);
    }

    /// <summary>A request that passes validation (alpha → beta, cross-region): each case bends one part of it.</summary>
    private static JsonObject Valid() => PeeringRequests.CrossRegion("bad input baseline");

    private static JsonObject Initiator(JsonObject body) => (JsonObject)body["initiator"]!;

    private static JsonObject Receiver(JsonObject body) => (JsonObject)body["receiver"]!;

    private static byte[] Bytes(JsonObject body) => Encoding.UTF8.GetBytes(body.ToJsonString());

    /// <summary>The body's JSON with one more property written at its end, as text: JsonObject cannot hold a key twice.</summary>
    private static string WithRawProperty(JsonObject body, string property)
    {
        var json = body.ToJsonString();
        return json[..^1] + "," + property + "}";
    }

    private static BadRequest Raw(string body, int status, string field, string rule) => new(Encoding.UTF8.GetBytes(body), Json, status, field, rule);

    private static BadRequest Body(Action<JsonObject> change, int status, string field, string rule) => new(Bytes(Valid().With(change)), Json, status, field, rule);

    private sealed record BadRequest(byte[] Bytes, string? ContentType, int Status, string Field, string RuleFragment)
    {
        public bool Chunked { get; init; }

        public HttpContent Content()
        {
            HttpContent content = Chunked ? new StreamContent(new NonSeekableStream(Bytes)) : new ByteArrayContent(Bytes);
            if (ContentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }

            return content;
        }
    }

    /// <summary>A stream of unknown length, so HttpClient sends the body chunked with no Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

internal static class JsonObjectChanges
{
    public static JsonObject With(this JsonObject body, Action<JsonObject> change)
    {
        var copy = (JsonObject)body.DeepClone();
        change(copy);
        return copy;
    }
}
