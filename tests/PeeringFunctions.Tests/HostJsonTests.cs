using System.Text.Json.Nodes;
using PeeringFunctions.Tests.Support;

namespace PeeringFunctions.Tests;

public sealed class HostJsonTests
{
    [Fact]
    public void Host_json_is_copied_to_the_output_and_names_the_task_hub_from_an_app_setting()
    {
        var copied = AppPaths.InOutput("host.json");
        Assert.True(File.Exists(copied), $"host.json is not in the app's output ({copied}); the host would start without it.");

        // The output holds the repository root's host.json (the single source), not a stale or separate copy.
        Assert.Equal(File.ReadAllText(Path.Combine(AppPaths.RepositoryRoot, "host.json")), File.ReadAllText(copied));

        var host = JsonNode.Parse(File.ReadAllText(copied))!;
        Assert.Equal("2.0", (string?)host["version"]);
        // %TASKHUB_NAME% is resolved from app settings, so each environment (and each slot) gets its own task hub.
        Assert.Equal("%TASKHUB_NAME%", (string?)host["extensions"]?["durableTask"]?["hubName"]);
    }

    [Fact]
    public void The_workers_default_orchestration_version_is_the_version_new_peerings_start_with()
    {
        // A worker never runs an instance started by a newer version (CurrentOrOlder, Reject): with a default below the
        // version PeeringOperations stamps on new peerings, the deployed app would leave every new peering unrun.
        var durable = JsonNode.Parse(File.ReadAllText(Path.Combine(AppPaths.RepositoryRoot, "host.json")))!["extensions"]!["durableTask"]!;

        Assert.Equal(PeeringFunctions.Workflow.Orchestrations.PeeringOrchestrator.CurrentVersion, (string?)durable["defaultVersion"]);
        Assert.Equal("CurrentOrOlder", (string?)durable["versionMatchStrategy"]);
    }
}
