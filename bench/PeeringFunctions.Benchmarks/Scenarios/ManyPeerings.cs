using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Benchmarks.BareEngine;
using PeeringFunctions.Benchmarks.Hosting;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.Peerings;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: many concurrent peerings spread evenly over many accounts, every Tencent call taking L and the
/// emulator enforcing Tencent's per-account, per-action limits; each peering is accepted (the HTTP API's decision,
/// raised on the Durable client) as soon as it waits. Compared with the bound the documented limits impose.
/// </summary>
public static class ManyPeerings
{
    public static async Task RunAsync(BenchOptions options, Action<Row> report, TextWriter log)
    {
        var count = options.Quick ? 200 : 1000;
        const int accounts = 50;
        var latency = TimeSpan.FromMilliseconds(options.LatencyMs);

        // Three runs, each in a fresh host, and the median: on a small shared machine one run can be off by a third.
        var runs = new List<Measured>();
        for (var run = 1; run <= (options.Quick ? 1 : MeasuredRuns); run++)
        {
            runs.Add(await RunOnceAsync(count, accounts, latency, limits: true, options.MaxConcurrency, log, $"scenario 3, run {run}"));
        }

        var measured = runs.OrderBy(r => r.Elapsed).ElementAt(runs.Count / 2);
        var allRuns = runs.Count == 1 ? "" : $" (median of {runs.Count}: {string.Join(" / ", runs.Select(r => r.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)))} s)";
        var bound = Bound(measured.Calls, latency);
        var failed = measured.Outcomes.Count(o => o != PeeringStatus.Active);
        var statuses = string.Join(", ", measured.Outcomes.GroupBy(o => o).Select(g => $"{g.Key} {g.Count()}"));
        var scale = $"{count:N0} peerings over {accounts} accounts";

        report(new Row("3", $"{scale}: failed peerings ({statuses})", Units.Count(failed), "0",
            failed == 0 ? Verdict.Met : Verdict.Missed, failed == 0 ? null : $"outcomes: {statuses}"));

        // What the same run costs with nothing to wait for (no latency, no limits), and what the Durable engine alone
        // needs for the same work (a real peering's shape, activities doing nothing): this machine's floor.
        var floor = await RunOnceAsync(count, accounts, TimeSpan.Zero, limits: false, options.MaxConcurrency, log, "scenario 3 floor", takeShape: true);
        var bare = await BareEngineRun.RunAsync(floor.Shape!, count, accounts, options.MaxConcurrency, log);
        var target = Math.Max(bound.Seconds, bare.Elapsed.TotalSeconds);

        var why = $"the same {count:N0} peerings take {floor.Elapsed.TotalSeconds:N1} s on this machine with no latency and no rate limits at all " +
              $"(the process then using {floor.CpuShare:P0} of its {Environment.ProcessorCount} cores), and the bare engine {bare.Elapsed.TotalSeconds:N1} s for the same Durable work; " +
              $"each peering costs {PerPeering(measured.CpuTime, count):N1} ms of CPU in this one process — " +
              $"{Per(measured.Dispatched.OrchestrationEpisodes, count):N1} orchestration episodes (each a replay of its history) and " +
              $"{Per(measured.Dispatched.Activities, count):N0} activities through the Durable engine's gRPC sidecar, and {Per(measured.Calls.Totals.Total, count):N0} " +
              $"signed HTTP calls answered by the embedded emulator — against {PerPeering(bare.CpuTime, count):N1} ms for the bare engine; " +
              $"the emulator answered RequestLimitExceeded {measured.Calls.Totals.Throttled} times";
        report(Row.Check("3", $"{scale}: total time, first request to last completion{allRuns} (rate-limit bound {bound.Seconds:N2} s: {bound.Busiest}; bare engine {bare.Elapsed.TotalSeconds:N1} s)",
            measured.Elapsed.TotalSeconds, target * 1.25, Units.S, why,
            goalText: $"≤ {target * 1.25:N1} s (1.25 × max(bound, bare engine))"));
        report(Row.Info("3", $"Same {count:N0} peerings, no latency, no rate limits (the floor of this machine and host)", Units.S(floor.Elapsed.TotalSeconds),
            $"{PerPeering(floor.CpuTime, count):N1} ms CPU per peering; {Per(floor.Dispatched.OrchestrationEpisodes, count):N1} episodes + {Per(floor.Dispatched.Activities, count):N0} activities each; {floor.Calls.Totals.Total / floor.Elapsed.TotalSeconds:N0} Tencent calls/s; the process used {floor.CpuShare:P0} of {Environment.ProcessorCount} cores"));
        report(Row.Info("3", $"Bare engine: {count:N0} orchestrations with a real peering's shape ({floor.Shape!.Describe()}), activities doing nothing, same host and engine settings ({bare.Completed:N0} completed)",
            Units.S(bare.Elapsed.TotalSeconds),
            $"{PerPeering(bare.CpuTime, count):N1} ms CPU per orchestration; {Per(bare.Dispatched.OrchestrationEpisodes, count):N1} episodes + {Per(bare.Dispatched.Activities, count):N0} activities each; the process used {bare.CpuShare:P0} of {Environment.ProcessorCount} cores"));
        var overBare = floor.Elapsed.TotalSeconds / bare.Elapsed.TotalSeconds;
        report(Row.Check("3", $"No latency, no limits ÷ bare engine: time (CPU per peering {PerPeering(floor.CpuTime, count):N1} ÷ {PerPeering(bare.CpuTime, count):N1} ms = {floor.CpuTime / bare.CpuTime:N2} ×)",
            overBare, 1.3, Ratio, $"the workflow's own work (Tencent client, emulator, registry, approver) costs {overBare - 1:P0} on top of the engine's"));
        report(Row.Check("3", $"With latency and limits ÷ max(rate-limit bound {bound.Seconds:N2} s, bare engine {bare.Elapsed.TotalSeconds:N1} s)",
            measured.Elapsed.TotalSeconds / target, 1.25, Ratio, why));

        report(Row.Info("3", "Durable work per peering: orchestration episodes (each replays the history so far) and activities",
            $"{Per(measured.Dispatched.OrchestrationEpisodes, count):N1} + {Per(measured.Dispatched.Activities, count):N0}",
            $"{measured.Dispatched.OrchestrationEpisodes:N0} episodes and {measured.Dispatched.Activities:N0} activities in all"));

        var slots = options.MaxConcurrency ?? new PeeringFunctions.LocalHost.Hosting.LocalHostOptions().MaxConcurrentActivities;
        if (latency > TimeSpan.Zero)
        {
            var perSecond = slots / latency.TotalSeconds;
            report(Row.Info("3", $"What the local host's {slots} concurrent activities allow at L: {slots} ÷ L Tencent calls/s",
                $"{perSecond:N0} calls/s", $"≥ {measured.Calls.Totals.Total / perSecond:N1} s for these {measured.Calls.Totals.Total:N0} calls"));
        }

        report(Row.Info("3", "CPU the process used while the peerings ran (host, Durable engine, emulator and the benchmark's approvers), and how long its threads stood runnable waiting for a core",
            $"{measured.CpuShare:P0} of {Environment.ProcessorCount} cores",
            $"{measured.CpuTime.TotalSeconds:N1} core-seconds on CPU ({PerPeering(measured.CpuTime, count):N1} ms per peering), {measured.RunQueueWait.TotalSeconds:N0} thread-seconds waiting, in {measured.Elapsed.TotalSeconds:N1} s"));
        report(Row.Info("3", "Tencent calls made (reads + writes), and the busiest (account, action)",
            $"{measured.Calls.Totals.Total:N0}", $"{bound.BusiestCalls} × {bound.BusiestAction} for one account"));
        report(Row.Info("3", "RequestLimitExceeded answers from the emulator (each re-sent by the client)",
            Units.Count(measured.Calls.Totals.Throttled), $"{measured.Limits.RateCuts} rate cuts, {measured.Limits.Refused} refused client-side"));
        report(Row.Info("3", "Calls the client-side limiter held back for their slot",
            Units.Count(measured.Limits.Delayed), $"{measured.Limits.TotalWait.TotalSeconds:N0} s of waiting in total"));
        report(Row.Info("3", "Peerings accepted at once: mean time from the receiver's notification to the decision",
            Units.Ms(measured.MeanAcceptDelay.TotalMilliseconds)));
    }

    private static string Ratio(double ratio) => $"{ratio:N2} ×";

    private static double Per(long total, int peerings) => total / (double)peerings;

    private static double PerPeering(TimeSpan cpu, int peerings) => cpu.TotalMilliseconds / peerings;

    /// <summary>
    /// The time the documented limits impose: the busiest (account, action) needs its call count ÷ its limit in
    /// seconds at Tencent's sustained rate, plus one L for its last reply; never less than one peering's 5 rounds × L.
    /// </summary>
    public static (double Seconds, string Busiest, string BusiestAction, long BusiestCalls) Bound(CallStatistics calls, TimeSpan latency)
    {
        var limits = new TencentRateLimitOptions();
        var busiest = calls.ByAccountAndAction
            .SelectMany(account => account.Value.Select(action => (Account: account.Key, Action: action.Key, Calls: action.Value.Total - action.Value.Throttled)))
            .Select(c => (c.Account, c.Action, c.Calls, Seconds: c.Calls / limits.DocumentedLimitOf(c.Action)))
            .MaxBy(c => c.Seconds);
        var rateBound = busiest.Seconds + latency.TotalSeconds;
        var chain = OnePeering.IdealRounds * latency.TotalSeconds;
        return rateBound >= chain
            ? (rateBound, $"{busiest.Calls} {busiest.Action} of {busiest.Account} at {limits.DocumentedLimitOf(busiest.Action):N0}/s + L", busiest.Action, busiest.Calls)
            : (chain, $"one peering's {OnePeering.IdealRounds} rounds × L", busiest.Action, busiest.Calls);
    }

    private static async Task<Measured> RunOnceAsync(int count, int accounts, TimeSpan latency, bool limits, int? maxConcurrency, TextWriter log, string label, bool takeShape = false)
    {
        var (seed, peerings) = BenchSeed.Spread(count, accounts);
        var warmUpRounds = WarmUpPeerings(seed);
        var settings = new Dictionary<string, string?> { ["Tencent:RateLimits:Enabled"] = limits ? "true" : "false" };
        await using var host = await BenchHost.StartAsync(seed.Build(), settings, maxConcurrency);
        if (!limits)
        {
            host.Emulator.ConfigureRateLimits(false);
        }

        using var stop = new CancellationTokenSource();
        var acceptor = new Acceptor(host);
        var accepting = acceptor.RunAsync(stop.Token);

        // A warm host, as a running service is: connections open and the code compiled at its final tier. The runtime
        // gets there in steps (quick code, then instrumented, then optimised), each after a method has run a few dozen
        // times and the background compiler has caught up: hence rounds with a pause after each. At the run's own
        // latency, so the code that waits on Tencent (the limiter's queues, timers) is warm too.
        host.Emulator.SetLatency("*", latency);
        foreach (var round in warmUpRounds)
        {
            var warmIds = await host.StartAllAsync(round);
            await Task.WhenAll(warmIds.Select(id => host.Client.WaitForInstanceCompletionAsync(id)));
            await Task.Delay(WarmUpSettling);
        }

        log.WriteLine($"  {label}: host warmed up with {warmUpRounds.Sum(r => r.Count)} peerings");
        acceptor.ResetStatistics();
        host.Emulator.ResetCalls();
        var limitsBefore = host.ActivityLimits.Statistics();

        var dispatchedBefore = host.Host.Engine.Dispatched;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var scheduledBefore = Machine.Scheduling();
        var shapeSource = takeShape ? host.Host.Engine.NextCompletedHistoryAsync(id => id.StartsWith(PeeringInstanceIds.Prefix, StringComparison.Ordinal)) : null;
        var clock = Stopwatch.StartNew();
        var ids = await host.StartAllAsync(peerings);
        log.WriteLine($"  {label}: {count:N0} started in {clock.Elapsed.TotalSeconds:N1} s");

        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (!stop.IsCancellationRequested)
                {
                    log.WriteLine($"  {label}: {clock.Elapsed.TotalSeconds:N0} s, {acceptor.Accepted:N0} accepted, {host.Emulator.Calls().Totals.Total:N0} Tencent calls");
                }
            }
        });
        var done = await Task.WhenAll(ids.Select(id => host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true)));
        clock.Stop();
        var dispatched = host.Host.Engine.Dispatched! - dispatchedBefore!;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var scheduledAfter = Machine.Scheduling();
        await stop.CancelAsync();
        await accepting;
        await progress;
        log.WriteLine($"  {label}: all {count:N0} ended after {clock.Elapsed.TotalSeconds:N1} s");

        var limitsAfter = host.ActivityLimits.Statistics();
        var shape = shapeSource is null ? null : await ShapeOfAsync(host, shapeSource);
        return new Measured(
            clock.Elapsed,
            done.Select(d => d.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? d.ReadOutputAs<PeeringOutcome>()?.Status ?? "?" : d.RuntimeStatus.ToString()).ToList(),
            host.Emulator.Calls(),
            limitsAfter with
            {
                Admitted = limitsAfter.Admitted - limitsBefore.Admitted,
                Delayed = limitsAfter.Delayed - limitsBefore.Delayed,
                TotalWait = limitsAfter.TotalWait - limitsBefore.TotalWait,
                Refused = limitsAfter.Refused - limitsBefore.Refused,
                ThrottledResponses = limitsAfter.ThrottledResponses - limitsBefore.ThrottledResponses,
                Resent = limitsAfter.Resent - limitsBefore.Resent,
                RateCuts = limitsAfter.RateCuts - limitsBefore.RateCuts,
            },
            acceptor.MeanDelay,
            dispatched,
            cpu,
            Machine.RunQueueWait(scheduledBefore, scheduledAfter),
            shape);
    }

    /// <summary>The Durable shape of the first peering of the run that completed (its history as the engine saved it).</summary>
    private static async Task<PeeringShape> ShapeOfAsync(BenchHost host, Task<IReadOnlyList<DurableTask.Core.History.HistoryEvent>> history)
    {
        var events = await history;
        var instanceId = events.OfType<DurableTask.Core.History.ExecutionStartedEvent>().Single().OrchestrationInstance.InstanceId;
        var instance = await host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        return PeeringShape.FromHistory(events, instance?.SerializedCustomStatus);
    }

    /// <summary>Timed runs of scenario 3; the median is the figure.</summary>
    public const int MeasuredRuns = 3;

    /// <summary>Warm-up rounds run before the measured peerings, on accounts of their own (their calls are not counted).</summary>
    public const int WarmUpRounds = 3;

    /// <summary>Peerings in each warm-up round.</summary>
    public const int WarmUpPerRound = 100;

    /// <summary>Pause after each warm-up round, for the runtime's background compilation to catch up.</summary>
    public static readonly TimeSpan WarmUpSettling = TimeSpan.FromSeconds(2);

    private static List<List<PlannedPeering>> WarmUpPeerings(BenchSeed seed)
    {
        var accounts = Enumerable.Range(0, 10).Select(i => seed.AddAccount($"warm{i}")).ToList();
        return [.. Enumerable.Range(0, WarmUpRounds).Select(round => Enumerable.Range(0, WarmUpPerRound)
            .Select(i => seed.AddPair($"warm-up-{round}-{i:D3}", accounts[i % 10], accounts[(i % 10 + 1 + i / 10 % 9) % 10]))
            .ToList())];
    }

    private sealed record Measured(TimeSpan Elapsed, IReadOnlyList<string> Outcomes, CallStatistics Calls, TencentRateLimitStatistics Limits, TimeSpan MeanAcceptDelay, DurableWorkItemCounts Dispatched, TimeSpan CpuTime, TimeSpan RunQueueWait, PeeringShape? Shape)
    {
        public double CpuShare => CpuTime.TotalSeconds / (Elapsed.TotalSeconds * Environment.ProcessorCount);
    }
}
