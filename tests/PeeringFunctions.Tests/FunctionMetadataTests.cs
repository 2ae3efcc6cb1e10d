using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using PeeringFunctions.Tests.Support;
using PeeringFunctions.Workflow;

namespace PeeringFunctions.Tests;

/// <summary>
/// What the Functions host is told about the app: the build-time functions.metadata (the [Function] triggers) and
/// what the worker reports at indexing time (those plus the class-based orchestrators and activities).
/// </summary>
public sealed class FunctionMetadataTests
{
    private sealed record HttpFunction(string Name, string Route, string Methods, string AuthLevel, bool DurableClient, bool ReturnsHttp);

    // The portal's routes need the function key; accept/reject are Anonymous on purpose because the receiver
    // authenticates with its own approver key inside PeeringApi, never with the portal's key.
    private static readonly HttpFunction[] ExpectedHttpFunctions =
    [
        new("AcceptPeering", "peerings/{id}/accept", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("ChangePeeringBandwidth", "peerings/{id}", "patch", "Function", DurableClient: true, ReturnsHttp: true),
        // Chat webhooks: Anonymous because each platform signs its requests and cannot send a function key; the
        // signature is verified on the raw body inside the handler.
        new("SlackCommands", "chat/slack/commands", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("SlackInteractions", "chat/slack/interactions", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("TeamsOutgoingWebhook", "chat/teams", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("WeComCallback", "chat/wecom", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("WeComVerifyUrl", "chat/wecom", "get", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("GetPeering", "peerings/{id}", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("GetPeeringAudit", "peerings/{id}/audit", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("ListPeerings", "peerings", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("RejectPeering", "peerings/{id}/reject", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("StartPeering", "peerings", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("TeardownPeering", "peerings/{id}", "delete", "Function", DurableClient: true, ReturnsHttp: true),
        new("DiscoverPeerings", "peerings/discovered", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("AdoptPeering", "peerings/adopt", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("RepairPeering", "peerings/{id}/repair", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("ExtendPeeringRoutes", "peerings/{id}/extend-routes", "post", "Function", DurableClient: true, ReturnsHttp: true),
        // Either side's approvers tear down with their approver key, checked inside PeeringApi (as accept/reject).
        new("TeardownPeeringAsApprover", "peerings/{id}/teardown", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        // Topologies: declared, read and torn down with the portal's key; each receiving account decides with its own
        // approver key, checked inside TopologyApi (as a peering's accept/reject).
        new("StartTopology", "topologies", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("ListTopologies", "topologies", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("GetTopology", "topologies/{id}", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("TeardownTopology", "topologies/{id}", "delete", "Function", DurableClient: true, ReturnsHttp: true),
        new("AddTopologyMember", "topologies/{id}/members", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("AcceptTopology", "topologies/{id}/accept", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("RejectTopology", "topologies/{id}/reject", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        // Web pages (src/PeeringFunctions/Portal): the portal's pages need the function key like the API's portal
        // routes; the receiver's link pages are Anonymous because the signed token in ?token= is the credential
        // (checked inside PortalHandlers), and no route mints one.
        new("PortalHome", "portal", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalNewPeering", "portal/new", "get", "Function", DurableClient: false, ReturnsHttp: true),
        new("PortalSubmitPeering", "portal/new", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalDiscovered", "portal/discovered", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalAdoptPeering", "portal/discovered", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalPeeringStatus", "portal/peerings/{id}", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalRepairPeering", "portal/peerings/{id}", "post", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalPeeringLive", "portal/peerings/{id}/live", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalTopology", "portal/topologies/{id}", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("PortalTopologyLive", "portal/topologies/{id}/live", "get", "Function", DurableClient: true, ReturnsHttp: true),
        new("ApprovalPage", "approve", "get", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("ApprovalDecision", "approve", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("TopologyApprovalPage", "approve/topology", "get", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("TopologyApprovalDecision", "approve/topology", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("WatchPeering", "watch", "get", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("WatchPeeringLive", "watch/live", "get", "Anonymous", DurableClient: true, ReturnsHttp: true),
        new("WatchTeardown", "watch/teardown", "post", "Anonymous", DurableClient: true, ReturnsHttp: true),
    ];

    [Fact]
    public void Generated_functions_metadata_has_every_http_trigger_with_its_route_methods_and_auth_level()
    {
        var path = AppPaths.InOutput("functions.metadata");
        Assert.True(File.Exists(path), $"The build did not write {path}.");
        var functions = JsonNode.Parse(File.ReadAllText(path))!.AsArray();

        var actual = functions
            .Select(f => f!.AsObject())
            .Where(f => Bindings(f).Any(b => Type(b) == "httpTrigger"))
            .Select(f =>
            {
                var trigger = Bindings(f).Single(b => Type(b) == "httpTrigger");
                return new HttpFunction(
                    (string)f["name"]!,
                    (string)trigger["route"]!,
                    string.Join(",", trigger["methods"]!.AsArray().Select(m => ((string)m!).ToLowerInvariant())),
                    (string)trigger["authLevel"]!,
                    Bindings(f).Any(b => Type(b) == "durableClient" && (string?)b["direction"] == "In"),
                    Bindings(f).Any(b => Type(b) == "http" && (string?)b["direction"] == "Out" && (string?)b["name"] == "$return"));
            })
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();

        // Equality of the whole list: a changed route, method or auth level fails, and so does a new HTTP endpoint
        // that nobody added here (every public entry point must be a conscious decision).
        Assert.Equal(ExpectedHttpFunctions.OrderBy(f => f.Name, StringComparer.Ordinal), actual);
    }

    [Fact]
    public void Generated_functions_metadata_has_the_acceptance_poller_on_a_timer_from_an_app_setting()
    {
        var functions = JsonNode.Parse(File.ReadAllText(AppPaths.InOutput("functions.metadata")))!.AsArray();
        var poller = functions.Select(f => f!.AsObject()).Single(f => (string?)f["name"] == "PollAcceptances");

        var trigger = Bindings(poller).Single(b => Type(b) == "timerTrigger");
        Assert.Equal("%AcceptancePollSchedule%", (string?)trigger["schedule"]);
        Assert.Contains(Bindings(poller), b => Type(b) == "durableClient" && (string?)b["direction"] == "In");
    }

    [Fact]
    public void Generated_functions_metadata_has_the_drift_watcher_on_a_timer_from_an_app_setting()
    {
        var functions = JsonNode.Parse(File.ReadAllText(AppPaths.InOutput("functions.metadata")))!.AsArray();
        var watcher = functions.Select(f => f!.AsObject()).Single(f => (string?)f["name"] == "CheckDrift");

        var trigger = Bindings(watcher).Single(b => Type(b) == "timerTrigger");
        Assert.Equal("%DriftCheckSchedule%", (string?)trigger["schedule"]);
        Assert.Contains(Bindings(watcher), b => Type(b) == "durableClient" && (string?)b["direction"] == "In");
    }

    [Fact]
    public void Generated_functions_metadata_has_the_history_purge_on_a_timer_from_an_app_setting()
    {
        var functions = JsonNode.Parse(File.ReadAllText(AppPaths.InOutput("functions.metadata")))!.AsArray();
        var purge = functions.Select(f => f!.AsObject()).Single(f => (string?)f["name"] == "PurgeHistory");

        var trigger = Bindings(purge).Single(b => Type(b) == "timerTrigger");
        Assert.Equal("%PurgeSchedule%", (string?)trigger["schedule"]);
        Assert.Contains(Bindings(purge), b => Type(b) == "durableClient" && (string?)b["direction"] == "In");
    }

    [Fact]
    public void Generated_functions_metadata_has_the_stuck_check_on_a_timer_from_an_app_setting()
    {
        var functions = JsonNode.Parse(File.ReadAllText(AppPaths.InOutput("functions.metadata")))!.AsArray();
        var check = functions.Select(f => f!.AsObject()).Single(f => (string?)f["name"] == "CheckStuckInstances");

        var trigger = Bindings(check).Single(b => Type(b) == "timerTrigger");
        Assert.Equal("%StuckCheckSchedule%", (string?)trigger["schedule"]);
        Assert.Contains(Bindings(check), b => Type(b) == "durableClient" && (string?)b["direction"] == "In");
    }

    [Fact]
    public async Task Worker_metadata_exposes_every_orchestrator_and_activity()
    {
        // The expected tasks come from the registration itself, so a new orchestrator or activity cannot be forgotten.
        var registry = new DurableTaskRegistry();
        WorkflowRegistration.Register(registry);
        var orchestrators = registry.GetOrchestrators().Select(o => o.Key.Name).ToHashSet();
        var activities = registry.GetActivities().Select(a => a.Key.Name).ToHashSet();
        Assert.Contains("PeeringOrchestrator", orchestrators);
        Assert.Contains("TeardownOrchestrator", orchestrators);
        Assert.NotEmpty(activities);

        // ...and every task class the Workflow library defines is in that registration.
        var taskClasses = typeof(WorkflowRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(ITaskActivity).IsAssignableFrom(t) || typeof(ITaskOrchestrator).IsAssignableFrom(t)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(taskClasses, orchestrators.Concat(activities).Order(StringComparer.Ordinal));

        var dumped = (await MetadataDumpRunner.RunAsync()).Select(f => f!.AsObject()).ToDictionary(f => (string)f["name"]!);

        foreach (var name in orchestrators)
        {
            Assert.True(dumped.TryGetValue(name, out var function), $"The worker does not report orchestrator {name}.");
            Assert.Equal(["orchestrationTrigger"], Bindings(function).Select(Type));
        }

        foreach (var name in activities)
        {
            Assert.True(dumped.TryGetValue(name, out var function), $"The worker does not report activity {name}.");
            Assert.Equal(["activityTrigger"], Bindings(function).Select(Type));
        }

        // The dump is a superset of the build-time file: the provider's [Function] triggers are reported unchanged.
        var fromFile = JsonNode.Parse(File.ReadAllText(AppPaths.InOutput("functions.metadata")))!.AsArray().Select(f => (string)f!["name"]!);
        Assert.Equal(
            fromFile.Concat(orchestrators).Concat(activities).Order(StringComparer.Ordinal),
            dumped.Keys.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<JsonObject> Bindings(JsonObject function) => function["bindings"]!.AsArray().Select(b => b!.AsObject());

    private static string? Type(JsonObject binding) => (string?)binding["type"];
}
