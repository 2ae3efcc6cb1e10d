using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Benchmarks.BareEngine;
using PeeringFunctions.Benchmarks.Hosting;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.LocalHost.Durable;

namespace PeeringFunctions.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3's bare-engine baseline: as many orchestrations as peerings, each with the shape of a real peering of the
/// same run (<see cref="PeeringShape"/>: its steps, fan-out and fan-in, activities and payloads) whose activities do
/// nothing, on a fresh local host with scenario 3's engine settings, warmed the same way. What the Durable engine
/// itself needs for a peering's work on this machine: the floor the workflow is measured against.
/// </summary>
public static class BareEngineRun
{
    public sealed record Measured(TimeSpan Elapsed, int Completed, DurableWorkItemCounts Dispatched, TimeSpan CpuTime)
    {
        public double CpuShare => CpuTime.TotalSeconds / (Elapsed.TotalSeconds * Environment.ProcessorCount);
    }

    public static async Task<Measured> RunAsync(PeeringShape shape, int count, int accounts, int? maxConcurrency, TextWriter log)
    {
        // The same emulated world as scenario 3 (idle here), so the host holds what it held there.
        var (seed, _) = BenchSeed.Spread(count, accounts);
        var approver = BareRegistration.ApproverFor(shape);
        var settings = new Dictionary<string, string?> { ["Tencent:RateLimits:Enabled"] = "false" };
        await using var host = await BenchHost.StartAsync(seed.Build(), settings, maxConcurrency, tasks => BareRegistration.Register(tasks, shape, approver));
        host.Emulator.ConfigureRateLimits(false);

        using var stop = new CancellationTokenSource();
        var approving = approver?.RunAsync(host.Client, stop.Token) ?? Task.CompletedTask;
        var input = PeeringShape.Json(shape.Input);

        // Warmed as scenario 3's host is: three rounds of 100, a pause after each for the background compiler.
        for (var round = 0; round < ManyPeerings.WarmUpRounds; round++)
        {
            var warm = await StartAllAsync(host.Client, input, ManyPeerings.WarmUpPerRound, $"bare-warm-{round}");
            await Task.WhenAll(warm.Select(id => host.Client.WaitForInstanceCompletionAsync(id)));
            await Task.Delay(ManyPeerings.WarmUpSettling);
        }

        log.WriteLine("  bare engine: host warmed up");
        var dispatchedBefore = host.Host.Engine.Dispatched!;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var ids = await StartAllAsync(host.Client, input, count, "bare");
        var done = await Task.WhenAll(ids.Select(id => host.Client.WaitForInstanceCompletionAsync(id)));
        clock.Stop();
        var dispatched = host.Host.Engine.Dispatched! - dispatchedBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        await stop.CancelAsync();
        await approving;
        log.WriteLine($"  bare engine: {count:N0} orchestrations of the peering's shape ended after {clock.Elapsed.TotalSeconds:N1} s");
        return new Measured(clock.Elapsed, done.Count(d => d.RuntimeStatus == OrchestrationRuntimeStatus.Completed), dispatched, cpu);
    }

    /// <summary>Schedules the orchestrations 32 at a time, as <see cref="BenchHost.StartAllAsync"/> starts peerings.</summary>
    private static async Task<IReadOnlyCollection<string>> StartAllAsync(DurableTaskClient client, System.Text.Json.JsonElement? input, int count, string prefix)
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync(
                BarePeeringOrchestrator.Name, input, new Microsoft.DurableTask.StartOrchestrationOptions($"{prefix}-{i:D4}"), ct)));
        return ids;
    }
}
