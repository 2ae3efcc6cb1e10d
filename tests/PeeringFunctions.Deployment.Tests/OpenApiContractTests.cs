using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Deployment.Tests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Registry;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Deployment.Tests;

/// <summary>
/// docs/openapi.yaml is the portal's contract. It is checked against what the Functions app really exposes (the
/// build-time functions.metadata of src/PeeringFunctions, and the route prefix of host.json) and against the C# types
/// the API reads and writes, so neither a route, a method, an auth level nor a field can drift unnoticed.
/// </summary>
public sealed partial class OpenApiContractTests
{
    private static readonly JsonObject Document = YamlJson.Load(RepoPaths.InRepository("docs", "openapi.yaml"));

    private sealed record Operation(string Path, string Method, string Name, string AuthLevel);

    [Fact]
    public void The_document_is_openapi_3()
    {
        Assert.StartsWith("3.", (string)Document["openapi"]!, StringComparison.Ordinal);
        Assert.NotNull(Document["info"]?["title"]);
    }

    [Fact]
    public void Paths_and_methods_are_exactly_the_http_triggers_routes_and_methods()
    {
        var triggers = HttpTriggers().Select(t => $"{t.Method} {t.Path}").Order(StringComparer.Ordinal).ToArray();
        var documented = DocumentedOperations().Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(triggers);
        Assert.Equal(triggers, documented);
    }

    [Fact]
    public void Each_operation_id_is_its_functions_name()
    {
        var triggers = HttpTriggers().ToDictionary(t => $"{t.Method} {t.Path}", t => t.Name);
        foreach (var operation in DocumentedOperations())
        {
            Assert.Equal(triggers[$"{operation.Method} {operation.Path}"], operation.Name);
        }
    }

    [Fact]
    public void Each_operations_security_matches_its_triggers_auth_level()
    {
        var schemes = Document["components"]!["securitySchemes"]!;
        Assert.Equal("apiKey", (string)schemes["functionKey"]!["type"]!);
        Assert.Equal("header", (string)schemes["functionKey"]!["in"]!);
        Assert.Equal("x-functions-key", (string)schemes["functionKey"]!["name"]!);
        Assert.Equal("http", (string)schemes["approverKey"]!["type"]!);
        Assert.Equal("bearer", (string)schemes["approverKey"]!["scheme"]!);

        foreach (var trigger in HttpTriggers())
        {
            var operation = OperationNode(trigger.Path, trigger.Method);
            var security = operation["security"]?.AsArray() ?? Document["security"]?.AsArray();
            Assert.True(security is { Count: 1 }, $"{trigger.Name} must name exactly one security requirement.");
            var scheme = Assert.Single(security![0]!.AsObject()).Key;

            // Function: the host demands the portal's function key. Anonymous: the function authenticates the caller
            // itself, never with the portal's key; for accept/reject that is the receiver account's approver key.
            // A chat webhook documents its platform's signature scheme.
            switch (trigger.AuthLevel)
            {
                case "Function" or "Admin":
                    Assert.True(scheme == "functionKey", $"{trigger.Name} ({trigger.AuthLevel}) documents security '{scheme}', expected 'functionKey'.");
                    break;
                case "Anonymous" when trigger.Path.EndsWith("/accept", StringComparison.Ordinal) || trigger.Path.EndsWith("/reject", StringComparison.Ordinal):
                    Assert.True(scheme == "approverKey", $"{trigger.Name} (Anonymous) documents security '{scheme}', expected 'approverKey'.");
                    break;
                case "Anonymous":
                    Assert.True(scheme != "functionKey" && schemes[scheme] is not null,
                        $"{trigger.Name} (Anonymous) must document the scheme it checks itself, not '{scheme}'.");
                    break;
                default:
                    Assert.Fail($"{trigger.Name} has auth level {trigger.AuthLevel}, which the contract does not cover.");
                    break;
            }

            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("401"), $"{trigger.Name} does not document 401.");
            if (trigger.AuthLevel == "Anonymous" && (trigger.Path.EndsWith("/accept", StringComparison.Ordinal) || trigger.Path.EndsWith("/reject", StringComparison.Ordinal)))
            {
                Assert.True(responses.ContainsKey("403"), $"{trigger.Name} does not document 403 (not the receiver's approver).");
            }
        }
    }

    [Fact]
    public void Path_parameters_are_declared_for_every_templated_route()
    {
        foreach (var trigger in HttpTriggers())
        {
            var pathItem = Document["paths"]?[trigger.Path];
            Assert.True(pathItem is not null, $"docs/openapi.yaml has no path {trigger.Path}.");
            var declared = (pathItem!["parameters"]?.AsArray() ?? [])
                .Concat(OperationNode(trigger.Path, trigger.Method)["parameters"]?.AsArray() ?? [])
                .Select(p => Resolve(p!))
                .Where(p => (string?)p["in"] == "path")
                .Select(p => (string)p["name"]!)
                .Order(StringComparer.Ordinal);
            var inRoute = RouteParameter().Matches(trigger.Path).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
            Assert.Equal(inRoute, declared);
        }
    }

    [Fact]
    public void Start_peering_documents_every_answer_the_api_gives()
    {
        var responses = OperationNode("/api/peerings", "post")["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "202", "400", "401", "409", "413", "415" }, responses);

        var problem = Resolve(Document["components"]!["responses"]!["ValidationProblem"]!)["content"]!["application/problem+json"]!["schema"]!;
        Assert.Equal("#/components/schemas/Problem", (string)problem["$ref"]!);
    }

    [Fact]
    public void Change_bandwidth_documents_every_answer_the_api_gives()
    {
        var operation = OperationNode("/api/peerings/{id}", "patch");
        var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "202", "400", "401", "404", "409", "413", "415" }, responses);
        Assert.Equal("#/components/schemas/BandwidthChange", (string)operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!);

        // The documented range is the validator's.
        var mbps = Schema("BandwidthChange")["properties"]!["bandwidthMbps"]!;
        Assert.Equal(BandwidthChangeValidator.MinimumMbps, (long)mbps["minimum"]!);
        Assert.Equal(BandwidthChangeValidator.MaximumMbps, (long)mbps["maximum"]!);
    }

    [Theory]
    [InlineData("/api/peerings/{id}/repair")]
    [InlineData("/api/peerings/{id}/extend-routes")]
    public void The_repair_routes_document_every_answer_the_api_gives(string path)
    {
        var operation = OperationNode(path, "post");
        var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "202", "401", "404", "409" }, responses);
        Assert.Null(operation["requestBody"]);
        Assert.Equal("#/components/schemas/RepairStarted", (string)operation["responses"]!["202"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
    }

    [Fact]
    public void Request_schemas_have_exactly_the_fields_the_api_binds()
    {
        AssertSameProperties<PeeringRequestBody>("PeeringRequest", checkRequired: false);
        AssertSameProperties<SideBody>("InitiatorSide", checkRequired: false);
        AssertSameProperties<SideBody>("ReceiverSide", checkRequired: false);
        AssertSameProperties<BandwidthChangeBody>("BandwidthChange", checkRequired: false);
        AssertSameProperties<AdoptionBody>("AdoptionRequest", checkRequired: false);
        AssertSameProperties<TopologyRequestBody>("TopologyRequest", checkRequired: false);

        // The API refuses unknown fields (ApiJson: UnmappedMemberHandling.Disallow), and so does the schema.
        foreach (var name in new[] { "PeeringRequest", "InitiatorSide", "ReceiverSide", "BandwidthChange", "AdoptionRequest", "TopologyRequest" })
        {
            Assert.False((bool)Schema(name)["additionalProperties"]!);
        }
    }

    [Fact]
    public void Response_schemas_have_exactly_the_fields_the_api_writes_and_require_the_non_nullable_ones()
    {
        AssertSameProperties<PeeringView>("PeeringView");
        AssertSameProperties<PeeringSideView>("PeeringSideView");
        AssertSameProperties<PeeringOutcome>("PeeringOutcome");
        AssertSameProperties<SideOutcome>("SideOutcome");
        AssertSameProperties<AssociationChange>("AssociationChange");
        AssertSameProperties<TeardownView>("TeardownView");
        AssertSameProperties<TeardownOutcome>("TeardownOutcome");
        AssertSameProperties<PeeringHealth>("PeeringHealth");
        AssertSameProperties<DriftFinding>("DriftFinding");
        AssertSameProperties<HealthEvent>("HealthEvent");
        AssertSameProperties<PeeringBandwidthView>("PeeringBandwidthView");
        AssertSameProperties<BandwidthChangeView>("BandwidthChangeView");
        AssertSameProperties<BandwidthChangeOutcome>("BandwidthChangeOutcome");
        AssertSameProperties<RepairView>("RepairView");
        AssertSameProperties<StuckView>("StuckView");
        AssertSameProperties<ProblemBody>("Problem");
        AssertSameProperties<FieldProblem>("FieldProblem");
        AssertSameProperties<DiscoveredPeering>("DiscoveredPeering");
        AssertSameProperties<DiscoveredSide>("DiscoveredSide");
        AssertSameProperties<DiscoveredRouteTable>("DiscoveredRouteTable");
        AssertSameProperties<DiscoveredPeeringList>("DiscoveredPeeringList");
        AssertSameProperties<TopologyPlanView>("TopologyPlan");
        AssertSameProperties<TopologyPlannedPairView>("TopologyPlannedPair");
        AssertSameProperties<TopologyMemberView>("TopologyMember");
        AssertSameProperties<PlannedRoutes>("PlannedRoutes");
        AssertSameProperties<AccountConsent>("AccountConsent");
        AssertSameProperties<TopologyView>("TopologyView");
        AssertSameProperties<AccountProgress>("AccountProgress");
        AssertSameProperties<TopologyPairView>("TopologyPair");
        AssertSameProperties<PairTeardown>("PairTeardown");
    }

    [Fact]
    public void Documented_enumerations_are_the_ones_in_the_code()
    {
        Assert.Equal(Enum.GetNames<OrchestrationRuntimeStatus>().Order(), EnumValues(Schema("PeeringView")["properties"]!["runtimeStatus"]!).Order());
        Assert.Equal(Constants(typeof(PeeringStatus)).Order(), EnumValues(Schema("PeeringOutcome")["properties"]!["status"]!).Order());
        Assert.Equal(Constants(typeof(ConsentStates)).Order(), EnumValues(Schema("AccountProgress")["properties"]!["decision"]!).Order());
        Assert.Equal(TopologyShapes.All.Order(), EnumValues(Schema("TopologyRequest")["properties"]!["shape"]!).Order());
        Assert.Equal(Enum.GetNames<OrchestrationRuntimeStatus>().Order(), EnumValues(Schema("TopologyView")["properties"]!["runtimeStatus"]!).Order());
        Assert.Equal(Constants(typeof(TeardownStatus)).Order(), EnumValues(Schema("TeardownOutcome")["properties"]!["status"]!).Order());
        Assert.Equal(Constants(typeof(HealthStatuses)).Order(), EnumValues(Schema("PeeringHealth")["properties"]!["status"]!).Order());
        Assert.Equal(Constants(typeof(DriftKinds)).Order(), EnumValues(Schema("DriftFinding")["properties"]!["kind"]!).Order());
        Assert.Equal(Constants(typeof(HealthEventKinds)).Order(), EnumValues(Schema("HealthEvent")["properties"]!["kind"]!).Order());
        Assert.Equal(RepairPolicies.All.Order(), EnumValues(Schema("PeeringRequest")["properties"]!["repairPolicy"]!).Order());
        Assert.Equal(Constants(typeof(BandwidthChangeStatus)).Order(), EnumValues(Schema("BandwidthChangeOutcome")["properties"]!["status"]!).Order());
        Assert.Equal(Enum.GetNames<OrchestrationRuntimeStatus>().Order(), EnumValues(Schema("BandwidthChangeView")["properties"]!["runtimeStatus"]!).Order());
        Assert.Equal(RepairPolicies.All.Order(), EnumValues(Schema("AdoptionRequest")["properties"]!["repairPolicy"]!).Order());
        Assert.Equal(RepairPolicies.All.Order(), EnumValues(Schema("PeeringView")["properties"]!["repairPolicy"]!).Order());
        Assert.Equal(Constants(typeof(PeeringOrigins)).Order(), EnumValues(Schema("PeeringView")["properties"]!["origin"]!).Order());
        Assert.Equal(Constants(typeof(RepairStatus)).Order(), EnumValues(Schema("RepairView")["properties"]!["outcome"]!).Order());
        Assert.Equal(Constants(typeof(RepairKinds)).Order(), EnumValues(Schema("RepairView")["properties"]!["kind"]!).Order());
        Assert.Equal(Constants(typeof(RepairSteps)).Order(), EnumValues(Schema("RepairView")["properties"]!["step"]!).Order());
        Assert.Equal(
            new[] { PeeringBandwidthView.ReadByChange, PeeringBandwidthView.ReadByVerification }.Order(),
            EnumValues(Schema("PeeringBandwidthView")["properties"]!["readBy"]!).Order());
    }

    [Fact]
    public void The_documented_example_request_is_valid_for_the_demo_accounts()
    {
        var example = Document["components"]!["examples"]!["AlphaToBeta"]!["value"]!;
        var body = JsonSerializer.Deserialize<PeeringRequestBody>(example.ToJsonString(), ApiJson.Options)!;

        var (request, problems) = PeeringRequestValidator.Validate(body, alias => alias is "alpha" or "beta");

        Assert.Empty(problems);
        Assert.NotNull(request);
        Assert.Equal("peering-vpc-alpha001-vpc-beta0001", PeeringInstanceIds.For(request));
    }

    [Fact]
    public void The_http_walkthrough_only_calls_documented_operations_and_walks_a_whole_peering()
    {
        var text = File.ReadAllText(RepoPaths.InRepository("docs", "peering.http"));
        var documented = DocumentedOperations().ToList();
        var called = new List<Operation>();
        foreach (Match request in HttpRequestLine().Matches(text))
        {
            var method = request.Groups["method"].Value.ToLowerInvariant();
            var path = request.Groups["path"].Value.Split('?')[0];
            var match = documented.FirstOrDefault(o => o.Method == method && PathPattern(o.Path).IsMatch(path));
            Assert.True(match is not null, $"docs/peering.http calls {method.ToUpperInvariant()} {path}, which is not in docs/openapi.yaml.");
            called.Add(match);
        }

        string[] walk = ["StartPeering", "GetPeering", "AcceptPeering", "ListPeerings", "TeardownPeering"];
        Assert.Superset(walk.ToHashSet(), called.Select(c => c.Name).ToHashSet());
        Assert.Contains("http://127.0.0.1:7071", text, StringComparison.Ordinal);
    }

    private static IEnumerable<Operation> HttpTriggers()
    {
        var metadata = RepoPaths.InAppOutput("functions.metadata");
        Assert.True(File.Exists(metadata), $"The app's build did not write {metadata}.");
        var prefix = RoutePrefix();
        foreach (var function in JsonNode.Parse(File.ReadAllText(metadata))!.AsArray().Select(f => f!.AsObject()))
        {
            var trigger = function["bindings"]!.AsArray().Select(b => b!.AsObject()).SingleOrDefault(b => (string?)b["type"] == "httpTrigger");
            if (trigger is null)
            {
                continue;
            }

            var methods = trigger["methods"]?.AsArray().Select(m => ((string)m!).ToLowerInvariant()).ToArray();
            Assert.True(methods is { Length: > 0 }, $"{function["name"]} accepts every method; the contract needs them named.");
            var route = "/" + string.Join('/', new[] { prefix, (string)trigger["route"]! }.Where(p => p.Length > 0));
            foreach (var method in methods)
            {
                yield return new Operation(route, method, (string)function["name"]!, (string)trigger["authLevel"]!);
            }
        }
    }

    /// <summary>extensions.http.routePrefix of the host.json the app ships (default "api").</summary>
    private static string RoutePrefix()
    {
        var host = JsonNode.Parse(File.ReadAllText(RepoPaths.InAppOutput("host.json")))!;
        return ((string?)host["extensions"]?["http"]?["routePrefix"] ?? "api").Trim('/');
    }

    private static IEnumerable<Operation> DocumentedOperations()
    {
        string[] methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (key, operation) in item!.AsObject().Where(p => methods.Contains(p.Key)))
            {
                yield return new Operation(path, key, (string)operation!["operationId"]!, "");
            }
        }
    }

    private static JsonObject OperationNode(string path, string method)
    {
        var item = Document["paths"]?[path];
        Assert.True(item is not null, $"docs/openapi.yaml has no path {path}.");
        return item![method]!.AsObject();
    }

    private static JsonObject Schema(string name) => Document["components"]!["schemas"]![name]!.AsObject();

    private static JsonObject Resolve(JsonNode node)
    {
        var current = node.AsObject();
        while (current["$ref"] is { } reference)
        {
            current = ((string)reference!).TrimStart('#', '/').Split('/').Aggregate((JsonNode)Document, (n, part) => n[part]!).AsObject();
        }

        return current;
    }

    private static void AssertSameProperties<T>(string schemaName, bool checkRequired = true)
    {
        var schema = Schema(schemaName);
        // What the API writes: public properties, less those the serializer is told to leave out.
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not { Condition: System.Text.Json.Serialization.JsonIgnoreCondition.Always })
            .ToArray();
        var expected = properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal).ToArray();
        var documented = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(documented),
            $"Schema {schemaName} documents [{string.Join(", ", documented)}] but {typeof(T).Name} has [{string.Join(", ", expected)}].");

        if (checkRequired)
        {
            // Nulls are omitted when written, so exactly the non-nullable properties are always present.
            var nullability = new NullabilityInfoContext();
            var always = properties
                .Where(p => nullability.Create(p).ReadState == NullabilityState.NotNull)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .Order(StringComparer.Ordinal)
                .ToArray();
            var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!).Order(StringComparer.Ordinal).ToArray();
            Assert.True(always.SequenceEqual(required),
                $"Schema {schemaName} requires [{string.Join(", ", required)}] but {typeof(T).Name} always writes [{string.Join(", ", always)}].");
        }
    }

    private static IEnumerable<string> EnumValues(JsonNode property) => property["enum"]!.AsArray().Select(v => (string)v!);

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static Regex PathPattern(string template) =>
        new("^" + RouteParameter().Replace(Regex.Escape(template).Replace(@"\{", "{"), "[^/]+") + "$");

    [GeneratedRegex(@"\{([^}/]+)\}")]
    private static partial Regex RouteParameter();

    // "POST {{host}}/api/peerings" → method and the path after the host variable.
    [GeneratedRegex(@"(?m)^(?<method>GET|POST|PUT|PATCH|DELETE) \{\{host\}\}(?<path>/\S*)")]
    private static partial Regex HttpRequestLine();
}
