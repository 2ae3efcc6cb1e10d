using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Benchmarks.Hosting;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.Benchmarks.Scenarios;

/// <summary>
/// Scenarios 1 and 2: one peering between two managed accounts (one subnet each) through the HTTP API, the receiver
/// accepting over POST /accept the moment the peering waits for it; timed end to end with every Tencent call taking
/// L, next to the same peering done in the seed's order one call after another, and counted call by call.
/// </summary>
public static class OnePeering
{
    /// <summary>Pre-flight, create, accept, configure, verify.</summary>
    public const int IdealRounds = 5;

    private const int TimedRuns = 3;

    public static async Task RunAsync(BenchOptions options, Action<Row> report, TextWriter log)
    {
        var latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        var seed = new BenchSeed();
        var one = seed.AddAccount("one");
        var two = seed.AddAccount("two");
        var warmup = seed.AddPair("warm-up", one, two);
        var timed = Enumerable.Range(1, TimedRuns).Select(i => seed.AddPair($"timed-{i}", one, two)).ToList();
        var inSeedOrder = seed.AddPair("seed-order", one, two);
        var sameCallsInOrder = seed.AddPair("one-by-one", one, two);

        await using var host = await BenchHost.StartAsync(seed.Build());
        using var http = new HttpClient { BaseAddress = host.Host.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };

        // JIT and connections warm, without latency; the figures are a running host's.
        await ThroughTheApiAsync(host, http, warmup);
        host.Emulator.SetLatency("*", latency);

        var elapsed = new List<TimeSpan>();
        CallStatistics? counted = null;
        foreach (var peering in timed)
        {
            host.Emulator.ResetCalls();
            elapsed.Add(await ThroughTheApiAsync(host, http, peering));
            counted ??= host.Emulator.Calls();
            log.WriteLine($"  scenario 1: {peering.Name} took {elapsed[^1].TotalMilliseconds:N0} ms");
        }

        var clients = host.Host.Services.GetRequiredService<ITencentClientFactory>();
        var seedOrder = await InSeedOrderAsync(clients, inSeedOrder, withChecks: false);
        var oneByOne = await InSeedOrderAsync(clients, sameCallsInOrder, withChecks: true);

        var median = elapsed.Order().ElementAt(elapsed.Count / 2).TotalMilliseconds;
        var ideal = IdealRounds * latency.TotalMilliseconds;
        var overhead = median - ideal;
        report(Row.Check("1", $"One peering end to end, L = {latency.TotalMilliseconds:N0} ms, accepted at once (median of {TimedRuns}: {string.Join(" / ", elapsed.Select(e => e.TotalMilliseconds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} ms)",
            median, ideal * 1.2, Units.Ms,
            why: $"{overhead:N0} ms above the {IdealRounds} × L ideal: Durable Task scheduling and the HTTP accept between the rounds",
            goalText: $"≤ {ideal * 1.2:N0} ms (ideal {IdealRounds} rounds × L = {ideal:N0} ms, + 20 %)"));
        report(Row.Info("1", "Same peering in the seed's order: the 6 mutations one after another, no checks", Units.Ms(seedOrder.TotalMilliseconds),
            $"{seedOrder.TotalMilliseconds / median:N2} × the workflow's time"));
        report(Row.Info("1", "Same peering, the workflow's own Tencent calls one after another", Units.Ms(oneByOne.TotalMilliseconds),
            $"{oneByOne.TotalMilliseconds / median:N2} × the workflow's time"));
        report(Row.Info("1", "Ideal: sequential rounds × L", Units.Ms(ideal), $"{IdealRounds} rounds: pre-flight, create, accept, configure, verify"));

        var total = counted!.Totals.Total;
        var writes = counted.Totals.Writes;
        var reads = total - writes;
        var perAction = string.Join(", ", counted.ByAction.Select(a => $"{a.Key} {a.Value.Total}"));
        report(new Row("2", $"Tencent calls per peering, both sides managed, one subnet each ({perAction})",
            $"{total} ({writes} writes, {reads} reads)", "≤ 12 (6 writes, ≤ 6 reads)",
            total <= 12 && writes <= 6 && reads <= 6 ? Verdict.Met : Verdict.Missed,
            total <= 12 && writes <= 6 && reads <= 6 ? null : $"{writes} writes and {reads} reads were counted by the emulator"));
        report(Row.Info("2", "Throttled answers during scenarios 1–2", Units.Count(counted.Totals.Throttled)));
    }

    /// <summary>POST /api/peerings, then POST /accept as the receiver's approver the moment it waits, until it ends.</summary>
    internal static async Task<TimeSpan> ThroughTheApiAsync(BenchHost host, HttpClient http, PlannedPeering peering)
    {
        var clock = Stopwatch.StartNew();
        using var started = await http.PostAsync(new Uri("api/peerings", UriKind.Relative), new StringContent(Body(peering).ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await started.Content.ReadAsStringAsync();
        if (started.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/peerings answered {(int)started.StatusCode}: {text}");
        }

        var id = JsonNode.Parse(text)!["id"]!.GetValue<string>();
        while (true)
        {
            var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (instance is not null && BenchHost.IsWaiting(instance))
            {
                break;
            }

            if (instance is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending })
            {
                throw new InvalidOperationException($"{id} ended before it waited for acceptance: {instance.SerializedOutput}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }

        using var accept = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/peerings/{id}/accept", UriKind.Relative));
        accept.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BenchHost.ApproverKeyOf(peering.Receiver.Account));
        using var accepted = await http.SendAsync(accept);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /accept answered {(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        clock.Stop();
        var outcome = done.ReadOutputAs<PeeringOutcome>();
        if (outcome?.Status != PeeringStatus.Active)
        {
            throw new InvalidOperationException($"{id} ended {done.RuntimeStatus}: {done.SerializedOutput}");
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// The manual procedure: create, accept, then routes and association on one side and then the other, each call
    /// waiting for the previous one. With <paramref name="withChecks"/>, the workflow's own reads too (pre-flight before,
    /// the peering's state after), still one call at a time.
    /// </summary>
    private static async Task<TimeSpan> InSeedOrderAsync(ITencentClientFactory clients, PlannedPeering peering, bool withChecks)
    {
        var initiator = clients.Create(peering.Initiator.Account, peering.Initiator.Region);
        var receiver = clients.Create(peering.Receiver.Account, peering.Receiver.Region);
        var clock = Stopwatch.StartNew();
        if (withChecks)
        {
            await initiator.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [peering.Initiator.VpcId] });
            await initiator.DescribeRouteTables(new DescribeRouteTablesRequest { Filters = [VpcFilter(peering.Initiator.VpcId)] });
            await initiator.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest { Filters = [VpcFilter(peering.Initiator.VpcId)] });
            await receiver.DescribeVpcs(new DescribeVpcsRequest { VpcIds = [peering.Receiver.VpcId] });
            await receiver.DescribeRouteTables(new DescribeRouteTablesRequest { Filters = [VpcFilter(peering.Receiver.VpcId)] });
        }

        var created = await initiator.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = peering.Initiator.VpcId,
            PeeringConnectionName = peering.Name,
            DestinationVpcId = peering.Receiver.VpcId,
            DestinationUin = clients.UinOf(peering.Receiver.Account),
            DestinationRegion = peering.Receiver.Region,
            Type = "VPC_PEER",
        });
        var pcx = created.PeeringConnectionId!;
        await receiver.AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = pcx });
        await ConfigureAsync(initiator, peering.Initiator, peering.Receiver.Cidr, pcx);
        await ConfigureAsync(receiver, peering.Receiver, peering.Initiator.Cidr, pcx);
        if (withChecks)
        {
            await initiator.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = [pcx] });
        }

        return clock.Elapsed;
    }

    private static async Task ConfigureAsync(IVpcClient client, Endpoint side, string peerCidr, string pcx)
    {
        await client.CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = side.RouteTableId,
            Routes = [new Route { DestinationCidrBlock = peerCidr, GatewayType = GatewayTypes.PeerConnection, GatewayId = pcx, Enabled = true }],
        });
        await client.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest { RouteTableId = side.RouteTableId, SubnetId = side.SubnetId });
    }

    private static Filter VpcFilter(string vpcId) => new() { Name = "vpc-id", Values = [vpcId] };

    private static JsonObject Body(PlannedPeering peering)
    {
        var body = new JsonObject
        {
            ["name"] = peering.Name,
            ["initiator"] = Side(peering.Initiator),
            ["receiver"] = Side(peering.Receiver),
            ["acceptanceTimeout"] = "P2D",
        };
        if (peering.Initiator.Region != peering.Receiver.Region)
        {
            body["bandwidthMbps"] = 100; // Tencent requires a bandwidth cap across regions
            body["chargeType"] = "POSTPAID_BY_DAY_MAX";
        }

        return body;
    }

    private static JsonObject Side(Endpoint side) => new()
    {
        ["account"] = side.Account,
        ["region"] = side.Region,
        ["vpcId"] = side.VpcId,
        ["routeTableId"] = side.RouteTableId,
        ["subnetIds"] = new JsonArray(side.SubnetId),
    };
}
