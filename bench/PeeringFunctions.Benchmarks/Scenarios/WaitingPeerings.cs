using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Benchmarks.Hosting;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.Peerings.Acceptance;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Benchmarks.Scenarios;

/// <summary>
/// Scenarios 5 and 4, in a fresh process: the local host (embedded emulator, in-process Durable engine, HTTP API)
/// started cold, then 1,000 peerings from 10 (account, region) groups brought to WaitingForAcceptance and left
/// there: its working set and start-up time; then the acceptance poller's ticks over them.
/// </summary>
public static class WaitingPeerings
{
    private const int Groups = 10;

    public static async Task RunAsync(BenchOptions options, Action<Row> report, TextWriter log)
    {
        var perGroup = options.Quick ? 20 : 100;
        var count = Groups * perGroup;
        var latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        var (seed, peerings) = BenchSeed.Grouped(Groups, perGroup);
        var built = seed.Build();

        var clock = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(built);
        var startUp = clock.Elapsed;
        var sinceLaunch = DateTime.Now - Process.GetCurrentProcess().StartTime;
        host.Emulator.SetLatency("*", latency);

        clock.Restart();
        var ids = await host.StartAllAsync(peerings);
        // Count the receivers' notices (cheap: a peering shows WaitingForAcceptance before its notice goes out) and
        // confirm with the instances only after the memory is read: the benchmark's own queries of 1,000 instances
        // must not fill the heap it is about to measure.
        while (host.Inbox.Received < count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"only {host.Inbox.Received} of {count} receivers notified after 5 minutes");
            }
        }

        var toWaiting = clock.Elapsed;
        var bringUpCalls = host.Emulator.Calls();
        var bringUpLimits = host.ActivityLimits.Statistics();
        log.WriteLine($"  scenario 5: {count:N0} waiting after {toWaiting.TotalSeconds:N1} s");

        // Settle (the sidecar and Kestrel release buffers), then read the process as the OS sees it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var workingSet = self.WorkingSet64 / (1024.0 * 1024);
        var managed = GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024);
        var peak = self.PeakWorkingSet64 / (1024.0 * 1024);

        // For context only: the same after a full compacting collection (the figure above is what the OS sees).
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        await Task.Delay(TimeSpan.FromSeconds(1));
        self.Refresh();
        var workingSetAfterGc = self.WorkingSet64 / (1024.0 * 1024);
        var managedAfterGc = GC.GetGCMemoryInfo().HeapSizeBytes / (1024.0 * 1024);
        var committedAfterGc = GC.GetGCMemoryInfo().TotalCommittedBytes / (1024.0 * 1024);

        var instances = await host.InstancesAsync(runningOnly: false, CancellationToken.None);
        var notWaiting = instances.Where(i => !BenchHost.IsWaiting(i)).ToList();
        if (instances.Count != count || notWaiting.Count > 0)
        {
            throw new InvalidOperationException(
                $"{instances.Count} instances, {notWaiting.Count} of them not waiting, e.g. {notWaiting.FirstOrDefault()?.InstanceId}: {notWaiting.FirstOrDefault()?.SerializedOutput}");
        }

        var scale = $"{count:N0} orchestrations waiting for acceptance";
        report(Row.Check("5", $"{scale} in the local host: working set (whole process: host, Durable engine, embedded emulator with its {built.Vpcs.Count} VPCs)",
            workingSet, 300, Units.Mb,
            why: $"the managed heap was {managed:N0} MB of it; after a forced full GC the working set was {workingSetAfterGc:N0} MB (heap {managedAfterGc:N0} MB, {committedAfterGc:N0} MB committed by the GC): the rest is the runtime, its compiled code and the loaded assemblies"));
        report(Row.Info("5", "Same: managed heap at that moment; working set and heap after a forced full compacting GC", $"{managed:N0} MB",
            $"after GC: working set {Units.Mb(workingSetAfterGc)}, heap {Units.Mb(managedAfterGc)}; peak working set {Units.Mb(peak)}"));
        report(Row.Info("5", "Local host start-up in a fresh process (LocalPeeringHost.StartAsync: emulator, Durable engine, HTTP API)",
            Units.Ms(startUp.TotalMilliseconds), $"process launch → host ready: {sinceLaunch.TotalMilliseconds:N0} ms"));
        report(Row.Info("5", $"Time to bring {count:N0} peerings to WaitingForAcceptance (pre-flight + create, L = {latency.TotalMilliseconds:N0} ms)",
            Units.S(toWaiting.TotalSeconds)));
        report(Row.Info("5", $"Same: RequestLimitExceeded answers from the emulator over those {bringUpCalls.Totals.Total:N0} calls (10 initiator accounts, 100 peerings each, at once)",
            Units.Count(bringUpCalls.Totals.Throttled), $"each re-sent by the client; {bringUpLimits.RateCuts} rate cuts"));

        // Scenario 4: the poller over them, nothing decided yet (the steady state: every tick until someone decides).
        var poller = host.Host.Services.GetRequiredService<AcceptancePoller>();
        var ticks = new List<(int Calls, long Emulator, TimeSpan Time, int Groups)>();
        for (var tick = 0; tick < 3; tick++)
        {
            host.Emulator.ResetCalls();
            clock.Restart();
            var result = await poller.PollAsync(host.Client, CancellationToken.None);
            ticks.Add((result.TencentCalls, host.Emulator.Calls().Totals.Total, clock.Elapsed, result.Groups));
            if (result.Waiting != count || result.GroupErrors.Count > 0)
            {
                throw new InvalidOperationException($"poll saw {result.Waiting} waiting, errors: {string.Join("; ", result.GroupErrors)}");
            }
        }

        var calls = ticks.Max(t => t.Calls);
        var median = ticks.Select(t => t.Time).Order().ElementAt(1);
        report(Row.Check("4", $"Acceptance poller, {count:N0} waiting in {ticks[0].Groups} (account, region) groups: Tencent calls per tick (emulator counted {ticks.Max(t => t.Emulator)})",
            calls, 10, Units.Count, why: "more than one DescribeVpcPeeringConnections page per group"));
        report(Row.Info("4", $"Same: time per tick, nothing decided (median of 3: {string.Join(" / ", ticks.Select(t => t.Time.TotalMilliseconds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} ms)",
            Units.Ms(median.TotalMilliseconds), $"L = {latency.TotalMilliseconds:N0} ms per call; the rest is the Durable query of {count:N0} instances"));

        if (!options.Quick)
        {
            // Every receiver accepts in the Tencent console; the next tick must notice all of them.
            clock.Restart();
            var clients = host.Host.Services.GetRequiredService<ITencentClientFactory>();
            var pcx = (await host.InstancesAsync(runningOnly: true, CancellationToken.None))
                .Select(i => (Request: i.ReadInputAs<PeeringRequest>()!, Pcx: i.ReadCustomStatusAs<PeeringProgress>()!.PeeringConnectionId!))
                .ToList();
            await Parallel.ForEachAsync(pcx, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (p, ct) =>
                await clients.Create(p.Request.Receiver.Account!, p.Request.Receiver.Region)
                    .AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = p.Pcx }, ct));
            log.WriteLine($"  scenario 4: {pcx.Count:N0} accepted in the console in {clock.Elapsed.TotalSeconds:N1} s");
            var acceptCalls = host.Emulator.Calls().ForAction("AcceptVpcPeeringConnection");
            var consoleLimits = host.Host.Services.GetRequiredService<TencentRateLimiter>().Statistics();
            report(Row.Info("4", $"(Setting up the next tick: {pcx.Count:N0} AcceptVpcPeeringConnection from the 10 receiver accounts at once, through the client-side limiter)",
                Units.S(clock.Elapsed.TotalSeconds),
                $"{acceptCalls.Throttled:N0} RequestLimitExceeded from the emulator, all re-sent; {consoleLimits.RateCuts:N0} rate cuts"));
            host.Emulator.ResetCalls();
            clock.Restart();
            var decided = await poller.PollAsync(host.Client, CancellationToken.None);
            var tickTime = clock.Elapsed;
            report(Row.Check("4", $"Same, a tick after all {count:N0} were accepted in the Tencent console: Tencent calls ({decided.Raised.Count:N0} decisions raised)",
                decided.TencentCalls, 10, Units.Count, why: "more than one DescribeVpcPeeringConnections page per group"));
            report(Row.Info("4", "Same: time of that tick (Durable query, 10 Tencent calls, 1,000 decision events)", Units.Ms(tickTime.TotalMilliseconds)));

            // Let them finish (configure, verify) rather than pull the host from under 1,000 running orchestrations.
            clock.Restart();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var ended = await Task.WhenAll(ids.Select(id => host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, patience.Token)));
            var active = ended.Count(e => e.ReadOutputAs<PeeringFunctions.Workflow.Contracts.PeeringOutcome>()?.Status == PeeringFunctions.Workflow.Contracts.PeeringStatus.Active);
            report(Row.Info("4", $"Those {count:N0} peerings, resumed by the poller's decisions, ending Active (configure + verify at L)",
                $"{active:N0} of {count:N0}", $"all ended {clock.Elapsed.TotalSeconds:N1} s after the tick"));
        }
    }
}
