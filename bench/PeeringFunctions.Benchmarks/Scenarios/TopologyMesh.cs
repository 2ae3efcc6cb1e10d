using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Benchmarks.Hosting;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8: an 11-VPC mesh over 11 accounts (55 peerings, every VPC at Tencent's quota of 10) declared through
/// POST /api/topologies and approved by every receiving account the moment it waits, every Tencent call taking L with
/// the emulator's rate limits on: total time against the bound the documented limits impose, and the calls made
/// against the plan's. Then a 12-VPC mesh, refused before any write.
/// </summary>
public static class TopologyMesh
{
    public static async Task RunAsync(BenchOptions options, Action<Row> report, TextWriter log)
    {
        var latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        var builder = new BenchSeed();
        var members = Enumerable.Range(0, 12).Select(i =>
        {
            var account = builder.AddAccount($"mesh{i:D2}");
            var vpc = builder.AddVpc(account, "ap-guangzhou", 1)[0];
            return new JsonObject { ["account"] = account, ["region"] = vpc.Region, ["vpcId"] = vpc.VpcId };
        }).ToList();

        await using var host = await BenchHost.StartAsync(builder.Build(), maxConcurrency: options.MaxConcurrency);
        host.Emulator.SetLatency("*", latency);
        using var http = new HttpClient { BaseAddress = host.Host.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var topologies = host.Host.Services.GetRequiredService<TopologyOperations>();

        // The 12-VPC mesh first, on a quiet emulator: 11 pairs per VPC, over the quota; refused with no write.
        host.Emulator.ResetCalls();
        using (var refused = await PostAsync(http, Mesh("twelve", members)))
        {
            var writes = host.Emulator.Calls().Totals.Writes;
            var ok = refused.StatusCode == HttpStatusCode.BadRequest && writes == 0;
            report(new Row("8", "12-VPC mesh (66 pairs, 11 per VPC): refused at planning, Tencent writes",
                $"{(int)refused.StatusCode}, {writes} writes", "400, 0 writes", ok ? Verdict.Met : Verdict.Missed,
                ok ? null : await refused.Content.ReadAsStringAsync()));
        }

        host.Emulator.ResetCalls();
        var clock = Stopwatch.StartNew();
        TopologyPlanView plan;
        using (var started = await PostAsync(http, Mesh("eleven", members.Take(11))))
        {
            var text = await started.Content.ReadAsStringAsync();
            if (started.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST /api/topologies answered {(int)started.StatusCode}: {text}");
            }

            plan = System.Text.Json.JsonSerializer.Deserialize<TopologyPlanView>(text, PeeringFunctions.Peerings.Requests.ApiJson.Options)!;
        }

        var planningReads = host.Emulator.Calls().Totals.Total;
        log.WriteLine($"  planned {plan.Pairs.Count} pairs in {clock.Elapsed.TotalSeconds:N1} s ({planningReads} reads); approving as each account is asked");
        var instance = await WaitAsync(host.Client, plan.Id, i => i.ReadCustomStatusAs<TopologyProgress>()?.Step == TopologySteps.WaitingForConsent);
        await Task.WhenAll(plan.Consents.Select(c => topologies.DecideAsync(
            host.Client, instance, c.Account, accept: true, DecisionSources.Http, $"approver of {c.Account}", null, CancellationToken.None)));
        var done = await WaitAsync(host.Client, plan.Id, i => !i.IsRunning && i.RuntimeStatus != OrchestrationRuntimeStatus.Pending, TimeSpan.FromMinutes(10));
        clock.Stop();

        var outcome = done.ReadOutputAs<TopologyOutcome>()!;
        var calls = host.Emulator.Calls();
        var active = outcome.Pairs.Count(p => p.State == PeeringStatus.Active);
        report(new Row("8", $"11-VPC mesh over 11 accounts, approved at once: {outcome.Status}, ACTIVE peerings", Units.Count(active), "55",
            active == 55 ? Verdict.Met : Verdict.Missed, active == 55 ? null : outcome.Message));

        var planned = plan.CallsPlanned.Values.Sum();
        var made = calls.Totals.Total - planningReads;
        var byAction = string.Join(", ", calls.ByAction.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value.Total}"));
        report(Row.Info("8", $"11-VPC mesh: Tencent calls made by the pairs' workflows vs planned ({byAction}; planning read {planningReads} more)",
            $"{made:N0} made", $"{planned:N0} planned (writes exact, reads once each)"));
        report(Row.Info("8", "11-VPC mesh: writes made vs planned writes", Units.Count(calls.Totals.Writes),
            $"{plan.CallsPlanned.Where(c => !c.Key.StartsWith("Describe", StringComparison.Ordinal)).Sum(c => c.Value):N0} planned"));

        // The documented limits' bound (scenario 3's rule), and the chain the pacing makes: at most
        // MaximumRunningPairsPerAccount pairs per account at once, each about 5 rounds of L.
        var bound = ManyPeerings.Bound(calls, latency);
        var perAccount = plan.Pairs.GroupBy(p => p.Initiator.Account).Concat(plan.Pairs.GroupBy(p => p.Receiver.Account))
            .GroupBy(g => g.Key).Max(g => g.Sum(x => x.Count()));
        var waves = (int)Math.Ceiling(perAccount / (double)TopologyOrchestrator.MaximumRunningPairsPerAccount);
        var paced = waves * 5 * latency.TotalSeconds;
        report(Row.Info("8", $"11-VPC mesh: total time, POST to the topology's end (bound by the limits {bound.Seconds:N2} s: {bound.Busiest})",
            Units.S(clock.Elapsed.TotalSeconds),
            $"pacing bound {paced:N1} s: {perAccount} pairs per account, {TopologyOrchestrator.MaximumRunningPairsPerAccount} at a time, 5 rounds × L each"));
        report(Row.Info("8", "11-VPC mesh: throttled answers from the emulator", Units.Count(calls.Totals.Throttled)));
    }

    private static JsonObject Mesh(string name, IEnumerable<JsonObject> members) => new()
    {
        ["name"] = name,
        ["shape"] = "mesh",
        ["members"] = new JsonArray([.. members.Select(m => (JsonNode)m.DeepClone())]),
        ["acceptanceTimeout"] = "PT1H",
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, JsonObject body) =>
        http.PostAsync("api/topologies", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string id, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: true) is { } instance && condition(instance))
            {
                return instance;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{id} did not reach the expected state in time.");
            }

            await Task.Delay(20);
        }
    }
}
