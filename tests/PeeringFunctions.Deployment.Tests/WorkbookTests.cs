using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PeeringFunctions.Deployment.Tests.Support;

namespace PeeringFunctions.Deployment.Tests;

/// <summary>
/// The operations dashboard: the compiled templates create one shared workbook over the Application Insights component
/// with the JSON file's content, and its queries read every metric the app emits and the stuck-instance log event.
/// </summary>
public sealed partial class WorkbookTests
{
    /// <summary>The metric names the app's meters use (TencentTelemetry, RateLimitTelemetry, the peering and stuck metrics).</summary>
    private static readonly string[] Metrics =
    [
        "peerings", "peering.acceptance.wait", "peering.time_to_active", "tencent.calls", "tencent.call.duration",
        "tencent.client_wait", "tencent.throttled", "peering.drift.findings", "peering.repairs", "peerings.stuck",
    ];

    private static readonly string WorkbookFile = RepoPaths.InRepository("infra", "app", "workbooks", "peering-operations.json");

    private static IReadOnlyList<string> Queries() =>
        [.. JsonNode.Parse(File.ReadAllText(WorkbookFile))!["items"]!.AsArray()
            .Select(item => (string?)item!["content"]?["query"])
            .OfType<string>()];

    [Fact]
    public void The_workbook_queries_name_every_metric_of_the_app()
    {
        var named = Queries().SelectMany(q => MetricFilter().Matches(q).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal);

        foreach (var metric in Metrics)
        {
            Assert.True(named.Contains(metric), $"No workbook query reads customMetrics named '{metric}'; it reads: {string.Join(", ", named)}");
        }
    }

    [Fact]
    public void Every_query_reads_application_insights_tables_and_the_stuck_event_by_its_id()
    {
        var queries = Queries();

        Assert.All(queries, q => Assert.Matches(@"^(customMetrics|traces)\b", q));
        Assert.Contains(queries, q => q.Contains("'1703'", StringComparison.Ordinal)); // OperationsEvents.InstanceStuck
    }

    [Fact]
    public void The_templates_create_one_shared_workbook_over_the_component_with_the_file_as_its_content()
    {
        var main = BicepCli.Infra.Template("main.bicep");

        var workbook = Assert.Single(ArmTemplate.Created(main, "Microsoft.Insights/workbooks"));
        var properties = workbook.Body["properties"]!;
        Assert.Equal("shared", (string?)workbook.Body["kind"]);
        // loadTextContent compiles to a variable of the module's template: "[variables('$fxv#0')]".
        var module = ArmTemplate.AllResources(main).Single(r => r.SymbolicName == workbook.Module && r.Type == "Microsoft.Resources/deployments");
        var variable = Regex.Match((string)properties["serializedData"]!, @"^\[variables\('(?<name>[^']+)'\)\]$").Groups["name"].Value;
        Assert.Equal(File.ReadAllText(WorkbookFile), (string?)module.Body["properties"]!["template"]!["variables"]![variable]);
        Assert.Contains("Microsoft.Insights/components", (string?)properties["sourceId"], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"customMetrics\s*\|\s*where\s+name\s*==\s*'(?<name>[^']+)'")]
    private static partial Regex MetricFilter();
}
