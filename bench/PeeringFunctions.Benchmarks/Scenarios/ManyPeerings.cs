using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Benchmarks.Hosting;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.Workflow.Accounts;
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

        var measured = await RunOnceAsync(count, accounts, latency, limits: true, options.MaxConcurrency, log, "scenario 3");
        var bound = Bound(measured.Calls, latency);
        var failed = measured.Outcomes.Count(o => o != PeeringStatus.Active);
        var statuses = string.Join(", ", measured.Outcomes.GroupBy(o => o).Select(g => $"{g.Key} {g.Count()}"));
        var scale = $"{count:N0} peerings over {accounts} accounts";

        report(new Row("3", $"{scale}: failed peerings ({statuses})", Units.Count(failed), "0",
            failed == 0 ? Verdict.Met : Verdict.Missed, failed == 0 ? null : $"outcomes: {statuses}"));

        // What the same run costs with nothing to wait for (no latency, no limits): this machine's own floor, with the
        // local host's concurrency defaults and with them raised out of the way.
        Measured? floor = null;
        Measured? raisedFloor = null;
        Measured? raisedRun = null;
        const int raised = 2000;
        if (!options.Quick)
        {
            floor = await RunOnceAsync(count, accounts, TimeSpan.Zero, limits: false, options.MaxConcurrency, log, "scenario 3 floor");
            if (options.MaxConcurrency is null)
            {
                raisedRun = await RunOnceAsync(count, accounts, latency, limits: true, raised, log, $"scenario 3, concurrency {raised}");
                raisedFloor = await RunOnceAsync(count, accounts, TimeSpan.Zero, limits: false, raised, log, $"scenario 3 floor, concurrency {raised}");
            }
        }

        var why = floor is null
            ? "see the throttling and engine figures below"
            : $"the same {count:N0} peerings take {floor.Elapsed.TotalSeconds:N1} s here with no latency and no rate limits at all" +
              (raisedFloor is null ? "" : $" ({raisedFloor.Elapsed.TotalSeconds:N1} s with the engine's concurrency limits raised to {raised}, the process then using {raisedFloor.CpuShare:P0} of the cores)") +
              $", so neither Tencent's latency nor its limits set the pace: the local host's in-process Durable engine does " +
              (floor.CpuShare < 0.6
                  ? $"(in that run the process used only {floor.CpuShare:P0} of the {Environment.ProcessorCount} cores: the engine's dispatching of 1,000 concurrent orchestrations, not the CPU, is the limit). "
                  : $"(in that run the process used {floor.CpuShare:P0} of the {Environment.ProcessorCount} cores: it is CPU-bound). ") +
              $"The measured run also stood {measured.RunQueueWait.TotalSeconds:N0} thread-seconds in the run queue behind other processes; the emulator answered RequestLimitExceeded {measured.Calls.Totals.Throttled} times";
        report(Row.Check("3", $"{scale}: total time, first request to last completion (bound {bound.Seconds:N2} s: {bound.Busiest})",
            measured.Elapsed.TotalSeconds, bound.Seconds * 1.25, Units.S, why,
            goalText: $"≤ {bound.Seconds * 1.25:N1} s (bound + 25 %)"));
        if (floor is not null)
        {
            report(Row.Info("3", $"Same {count:N0} peerings, no latency, no rate limits (the floor of this machine and host)", Units.S(floor.Elapsed.TotalSeconds),
                $"{floor.Calls.Totals.Total / floor.Elapsed.TotalSeconds:N0} Tencent calls/s; the process used {floor.CpuShare:P0} of {Environment.ProcessorCount} cores, its threads waited {floor.RunQueueWait.TotalSeconds:N0} s for a CPU"));
        }

        if (raisedRun is not null)
        {
            report(Row.Info("3", $"Same run (L, limits on) with the engine's concurrency limits raised to {raised}", Units.S(raisedRun.Elapsed.TotalSeconds),
                $"{raisedRun.Outcomes.Count(o => o != PeeringStatus.Active)} failed; the process used {raisedRun.CpuShare:P0} of {Environment.ProcessorCount} cores, its threads waited {raisedRun.RunQueueWait.TotalSeconds:N0} s for a CPU; {raisedRun.Calls.Totals.Throttled} RequestLimitExceeded"));
        }

        if (raisedFloor is not null)
        {
            report(Row.Info("3", $"Same {count:N0} peerings, no latency, no rate limits, engine concurrency raised to {raised}", Units.S(raisedFloor.Elapsed.TotalSeconds),
                $"{raisedFloor.Calls.Totals.Total / raisedFloor.Elapsed.TotalSeconds:N0} Tencent calls/s; the process used {raisedFloor.CpuShare:P0} of {Environment.ProcessorCount} cores"));
        }

        var slots = options.MaxConcurrency ?? new PeeringFunctions.LocalHost.Hosting.LocalHostOptions().MaxConcurrentActivities;
        if (latency > TimeSpan.Zero)
        {
            var perSecond = slots / latency.TotalSeconds;
            report(Row.Info("3", $"What the local host's {slots} concurrent activities allow at L: {slots} ÷ L Tencent calls/s",
                $"{perSecond:N0} calls/s", $"≥ {measured.Calls.Totals.Total / perSecond:N1} s for these {measured.Calls.Totals.Total:N0} calls"));
        }

        report(Row.Info("3", "CPU the scenario process used while the peerings ran, and how long its threads stood runnable in the run queue (other processes share the cores)",
            $"{measured.CpuShare:P0} of {Environment.ProcessorCount} cores",
            $"{measured.CpuTime.TotalSeconds:N0} core-seconds on CPU, {measured.RunQueueWait.TotalSeconds:N0} thread-seconds waiting for one, in {measured.Elapsed.TotalSeconds:N1} s"));
        report(Row.Info("3", "Tencent calls made (reads + writes), and the busiest (account, action)",
            $"{measured.Calls.Totals.Total:N0}", $"{bound.BusiestCalls} × {bound.BusiestAction} for one account"));
        report(Row.Info("3", "RequestLimitExceeded answers from the emulator (each re-sent by the client)",
            Units.Count(measured.Calls.Totals.Throttled), $"{measured.Limits.RateCuts} rate cuts, {measured.Limits.Refused} refused client-side"));
        report(Row.Info("3", "Calls the client-side limiter held back for their slot",
            Units.Count(measured.Limits.Delayed), $"{measured.Limits.TotalWait.TotalSeconds:N0} s of waiting in total"));
        report(Row.Info("3", "Peerings accepted at once: mean wait from WaitingForAcceptance to the decision",
            Units.Ms(measured.MeanAcceptDelay.TotalMilliseconds)));
    }

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

    private static async Task<Measured> RunOnceAsync(int count, int accounts, TimeSpan latency, bool limits, int? maxConcurrency, TextWriter log, string label)
    {
        var (seed, peerings) = BenchSeed.Spread(count, accounts);
        var warm = seed.AddPair("warm-up", seed.AddAccount("warma"), seed.AddAccount("warmb"));
        var settings = new Dictionary<string, string?> { ["Tencent:RateLimits:Enabled"] = limits ? "true" : "false" };
        await using var host = await BenchHost.StartAsync(seed.Build(), settings, maxConcurrency);
        if (!limits)
        {
            host.Emulator.ConfigureRateLimits(false);
        }

        using var stop = new CancellationTokenSource();
        var acceptor = new Acceptor(host);
        var accepting = acceptor.RunAsync(stop.Token);

        // One peering first, so JIT and connections are warm.
        var warmId = (await host.Operations.StartAsync(host.Client, warm.Request, CancellationToken.None)).InstanceId;
        await host.Client.WaitForInstanceCompletionAsync(warmId);
        host.Emulator.SetLatency("*", latency);
        host.Emulator.ResetCalls();
        var limitsBefore = host.ActivityLimits.Statistics();

        var ids = new ConcurrentBag<string>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var scheduledBefore = Machine.Scheduling();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(peerings, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (peering, ct) =>
            ids.Add((await host.Operations.StartAsync(host.Client, peering.Request, ct)).InstanceId));
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
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var scheduledAfter = Machine.Scheduling();
        await stop.CancelAsync();
        await accepting;
        await progress;
        log.WriteLine($"  {label}: all {count:N0} ended after {clock.Elapsed.TotalSeconds:N1} s");

        var limitsAfter = host.ActivityLimits.Statistics();
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
            cpu,
            Machine.RunQueueWait(scheduledBefore, scheduledAfter));
    }

    private sealed record Measured(TimeSpan Elapsed, IReadOnlyList<string> Outcomes, CallStatistics Calls, TencentRateLimitStatistics Limits, TimeSpan MeanAcceptDelay, TimeSpan CpuTime, TimeSpan RunQueueWait)
    {
        public double CpuShare => CpuTime.TotalSeconds / (Elapsed.TotalSeconds * Environment.ProcessorCount);
    }
}
