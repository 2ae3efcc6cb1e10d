using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Peerings;
using PeeringFunctions.FaultCampaign.Tests.Support;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.FaultCampaign.Tests;

/// <summary>
/// Item 1: 100 peerings at once through the local host's HTTP API while the emulator fails 20 % of every Tencent
/// action — 5 % each of throttling (RequestLimitExceeded), InternalError, a hang the client times out on, and "write
/// done, reply lost" (the action is performed, then the connection is dropped). All must end ACTIVE and verified, with
/// exactly one peering per pair and no duplicated route in the emulator's state.
/// </summary>
public sealed class TransientFaultCampaignTests(ITestOutputHelper output)
{
    private const int PairCount = 100;
    private const double KindRate = 0.05; // four kinds: 20 % of calls in all
    private static readonly TimeSpan CampaignTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Hundred_peerings_under_20_percent_transient_faults_on_every_action_all_end_active_and_verified_with_one_peering_per_pair_and_no_duplicate_route()
    {
        var figures = new Figures(output, "campaign: 100 peerings, 20 % transient faults");
        var (seed, pairs) = CampaignSeed.Build(PairCount);
        var observer = new FaultObserver { AttemptTimeout = TimeSpan.FromSeconds(2.5) };
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            // The acceptance poller would add its own Tencent reads to the counters; decisions come over HTTP here.
            Configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AcceptancePoll:Enabled", "false")]).Build(),
            Emulator = new EmulatorOptions { Seed = seed, RandomSeed = 424242 },
            ConfigureWorkflowServices = services => services.AddHttpClient(TencentClientFactory.HttpClientName).AddHttpMessageHandler(observer.CreateHandler),
        });
        var emulator = host.Emulator!;
        var seeded = emulator.Snapshot();
        AddCampaignFaults(emulator, seed);
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var portal = new PeeringApiDriver(http, waitOutUnanswered: true);

        var clock = Stopwatch.StartNew();
        var ids = new string[pairs.Count];
        await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, _) =>
            ids[pair.Index] = (await portal.StartAcceptedAsync(pair.Body())).Id);
        var submitted = clock.Elapsed;

        var ended = await DriveToTheEndAsync(host.Client, portal, pairs, ids, clock);
        var wall = clock.Elapsed;
        emulator.ClearFaults();

        var state = emulator.Snapshot();
        var calls = emulator.Calls();
        Report(figures, pairs, ended, observer, calls, submitted, wall);

        // Every peering: Completed, Active, verified on both sides, no problem reported.
        var notActive = ended.Values.Where(v => v.RuntimeStatus != "Completed" || v.State != PeeringStatus.Active || v.Outcome?.Problems.Count > 0).ToList();
        Assert.True(notActive.Count == 0, "Not active: " + string.Join("\n", notActive.Select(v => $"{v.Id}: {v.RuntimeStatus}/{v.State} {v.Outcome?.Message}")));
        Assert.All(ended.Values, v => Assert.True(v.Initiator.Progress == "Verified" && v.Receiver.Progress == "Verified", $"{v.Id}: {v.Initiator.Progress}/{v.Receiver.Progress}"));

        // The emulator: exactly one peering per pair, ACTIVE, one route each way, subnets moved, no duplicate anywhere.
        Assert.Equal(PairCount, state.Peerings.Count);
        Assert.Empty(state.DuplicateRoutes());
        foreach (var pair in pairs)
        {
            var view = ended[ids[pair.Index]];
            var peering = Assert.Single(state.PeeringsBetween(pair.InitiatorVpc, pair.ReceiverVpc));
            Assert.Equal("ACTIVE", peering.State);
            Assert.Equal(view.PeeringConnectionId, peering.PeeringConnectionId);
            Assert.Equal(pair.ReceiverCidr, Assert.Single(state.RoutesVia(pair.InitiatorTable, peering.PeeringConnectionId)).DestinationCidrBlock);
            Assert.Equal(pair.InitiatorCidr, Assert.Single(state.RoutesVia(pair.ReceiverTable, peering.PeeringConnectionId)).DestinationCidrBlock);
            Assert.Equal(pair.InitiatorTable, state.Subnet(pair.InitiatorSubnet)?.RouteTableId);
            Assert.Equal(pair.ReceiverTable, state.Subnet(pair.ReceiverSubnet)?.RouteTableId);
        }

        Assert.Equal(2 * PairCount, state.PeeringRoutes().Count);
        Assert.Equal(seeded.Subnets.Count, state.Subnets.Count);

        // Every kind of fault really happened.
        Assert.True(observer.Count("RequestLimitExceeded") > 0 && observer.Count("InternalError") > 0
            && observer.Count("dropped") > 0 && observer.Count("timeout") > 0, "a fault kind never fired");
    }

    /// <summary>
    /// Four rules per call, tried in order until one's dice hits; the rates make each kind 5 % of all calls.
    /// Per account: throttling and InternalError (rules are keyed by action, account and mode, so the second error
    /// rule names the account by UIN); for everyone: a dropped reply and a 5 s hang (the attempt times out at 2.5 s).
    /// </summary>
    private static void AddCampaignFaults(TencentVpcEmulatorServer emulator, EmulatorSeed seed)
    {
        foreach (var account in seed.Accounts)
        {
            emulator.AddFault(new FaultRule { Action = "*", Account = account.Name, Rate = KindRate, Code = "RequestLimitExceeded", Message = "Injected: request limit exceeded." });
            emulator.AddFault(new FaultRule
            {
                Action = "*",
                Account = account.Uin.ToString(CultureInfo.InvariantCulture),
                Rate = KindRate / (1 - KindRate),
                Code = "InternalError",
                Message = "Injected: internal error.",
            });
        }

        emulator.AddFault(new FaultRule { Action = "*", Rate = KindRate / (1 - (2 * KindRate)), Mode = FaultMode.DropReply });
        emulator.AddFault(new FaultRule { Action = "*", Rate = KindRate / (1 - (3 * KindRate)), Mode = FaultMode.Delay, Milliseconds = 5000 });
    }

    /// <summary>Accepts each cross-account peering as its receiver's approver once it waits, until every instance has ended.</summary>
    private static async Task<Dictionary<string, PeeringView>> DriveToTheEndAsync(
        DurableTaskClient client, PeeringApiDriver portal, IReadOnlyList<CampaignPair> pairs, string[] ids, Stopwatch clock)
    {
        var receiverOf = pairs.ToDictionary(p => ids[p.Index], p => p.ReceiverAccount, StringComparer.Ordinal);
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        var ended = new Dictionary<string, PeeringView>(StringComparer.Ordinal);
        while (ended.Count < pairs.Count)
        {
            Assert.True(clock.Elapsed < CampaignTimeout, $"Only {ended.Count} of {pairs.Count} peerings ended within {CampaignTimeout.TotalMinutes} min.");
            var query = new OrchestrationQuery { InstanceIdPrefix = PeeringInstanceIds.Prefix, FetchInputsAndOutputs = true, PageSize = 200 };
            var waiting = new List<string>();
            await foreach (var instance in client.GetAllInstancesAsync(query))
            {
                if (!receiverOf.ContainsKey(instance.InstanceId) || ended.ContainsKey(instance.InstanceId))
                {
                    continue;
                }

                var view = PeeringView.From(instance, null);
                if (!instance.IsRunning && instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
                {
                    ended[instance.InstanceId] = view;
                }
                else if (view.Step == PeeringSteps.WaitingForAcceptance && !accepted.Contains(instance.InstanceId))
                {
                    waiting.Add(instance.InstanceId);
                }
            }

            await Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            {
                using var response = await portal.DecideWithAuthorizationAsync(id, accept: true,
                    new AuthenticationHeaderValue("Bearer", TencentSettings.DemoApproverKey(receiverOf[id])).ToString());
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    lock (accepted)
                    {
                        accepted.Add(id);
                    }
                }
            });
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return ended;
    }

    private static void Report(Figures figures, IReadOnlyList<CampaignPair> pairs, Dictionary<string, PeeringView> ended, FaultObserver observer,
        CallStatistics calls, TimeSpan submitted, TimeSpan wall)
    {
        var durations = ended.Values
            .Select(v => (v.LastUpdatedAt - v.CreatedAt).TotalSeconds).Order().ToList();
        double Percentile(double p) => durations.Count == 0 ? 0 : durations[(int)Math.Min(durations.Count - 1, Math.Floor(p * durations.Count))];

        figures.Line($"peerings: {pairs.Count} ({pairs.Count(p => !p.SameAccount)} cross-account accepted over HTTP, {pairs.Count(p => p.SameAccount)} same-account, {pairs.Count(p => p.CrossRegion)} cross-region) over {CampaignSeed.AccountNames.Length} accounts");
        figures.Line($"ended: {ended.Values.Count(v => v.State == PeeringStatus.Active)} Active and verified, {ended.Values.Count(v => v.State != PeeringStatus.Active)} other");
        figures.Line($"wall time: {wall.TotalSeconds:0.0} s (all 100 submitted after {submitted.TotalSeconds:0.0} s); per peering median {Percentile(0.5):0.0} s, p95 {Percentile(0.95):0.0} s, max {(durations.Count == 0 ? 0 : durations[^1]):0.0} s");
        figures.Line($"faults the client met (every attempt): throttled {observer.Count("RequestLimitExceeded")}, InternalError {observer.Count("InternalError")}, timed out {observer.Count("timeout")} (injected hangs, plus any reply slower than {observer.AttemptTimeout.TotalSeconds} s under load), reply lost {observer.Count("dropped")}; answered ok {observer.Count("ok")}");
        var followOn = observer.Counts.Where(kv => kv.Key is not ("ok" or "RequestLimitExceeded" or "InternalError" or "timeout" or "dropped"))
            .Select(kv => $"{kv.Key} {kv.Value}");
        figures.Line($"read-back answers after lost replies (the retry found the write done): {string.Join(", ", followOn)}");
        var t = calls.Totals;
        figures.Line($"emulator counters: {t.Total} calls answered ({t.Writes} writes), {t.Errors} error replies, {t.FaultsInjected} faults injected (errors + dropped), {t.RepliesDropped} replies dropped; hung calls were abandoned by the client and are not counted there");
        figures.Line($"retries: every one of the {new[] { "RequestLimitExceeded", "InternalError", "timeout", "dropped" }.Sum(observer.Count)} failed attempts was retried (client-side for throttling, durable retry policy otherwise) and all {pairs.Count} peerings still ended ACTIVE");
        figures.Line($"{"action",-30} {"calls",6} {"errors",7} {"faults",7} {"dropped",8}");
        foreach (var (action, c) in calls.ByAction.Where(kv => kv.Key != "(none)"))
        {
            figures.Line($"{action,-30} {c.Total,6} {c.Errors,7} {c.FaultsInjected,7} {c.RepliesDropped,8}");
        }
    }
}
