using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Benchmarks.Hosting;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.Peerings.Watching;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7, in a fresh process: 1,000 active peerings over 50 accounts in 10 regions, set up directly on the
/// emulator (through the client, as the console would: create, accept, routes, subnets) and recorded in the registry
/// (no orchestrations), 10 of them then drifted; one watcher tick over all of them: its Tencent calls by action
/// against one call of each Describe per (account, region) group and 100 items, its time, all 10 found, and all 10
/// repaired by the repairs that tick started (policy "repair", the default).
/// </summary>
public static class WatcherTick
{
    private const int Accounts = 50;
    private const int Drifted = 10;

    private static readonly string[] Regions =
        ["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-chengdu", "ap-chongqing", "ap-nanjing", "ap-hongkong", "ap-singapore", "ap-tokyo", "ap-seoul"];

    public static async Task RunAsync(BenchOptions options, Action<Row> report, TextWriter log)
    {
        var count = options.Quick ? 200 : 1000;
        var latency = TimeSpan.FromMilliseconds(options.LatencyMs);
        var builder = new BenchSeed();
        var names = Enumerable.Range(0, Accounts).Select(i => builder.AddAccount($"acct{i:D2}")).ToList();
        var planned = Enumerable.Range(0, count).Select(p =>
        {
            var initiator = p / Regions.Length % Accounts;
            var receiver = (initiator + 1 + p / (Regions.Length * Accounts)) % Accounts;
            return builder.AddPair($"watch-{p:D4}", names[initiator], names[receiver], Regions[p % Regions.Length]);
        }).ToList();
        var seed = builder.Build();

        await using var host = await BenchHost.StartAsync(seed, new Dictionary<string, string?> { ["DriftCheck:Enabled"] = "false" });
        var clients = host.Host.Services.GetRequiredService<ITencentClientFactory>();
        var mainTables = host.Emulator.Snapshot().Subnets.ToDictionary(s => s.SubnetId, s => s.RouteTableId);

        var clock = Stopwatch.StartNew();
        var records = new RegisteredPeering[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (p, ct) =>
            records[p] = await SetUpAsync(clients, planned[p], mainTables, ct));
        foreach (var record in records)
        {
            await host.Host.Registry.AddAsync(record);
        }

        log.WriteLine($"  scenario 7: {count:N0} peerings set up on the emulator and recorded in {clock.Elapsed.TotalSeconds:N1} s");

        // Ten peerings drift as people make them drift: routes deleted, disabled, a subnet moved back.
        for (var d = 0; d < Drifted; d++)
        {
            var peering = planned[d * (count / Drifted)];
            var record = records[d * (count / Drifted)];
            var side = peering.Initiator;
            var client = clients.Create(side.Account, side.Region);
            var route = (await client.DescribeRouteTables(new DescribeRouteTablesRequest { RouteTableIds = [side.RouteTableId] }))
                .RouteTableSet![0].RouteSet!.Single(r => r.GatewayId == record.PeeringConnectionId);
            switch (d % 3)
            {
                case 0:
                    await client.DeleteRoutes(new DeleteRoutesRequest { RouteTableId = side.RouteTableId, Routes = [new Route { RouteItemId = route.RouteItemId }] });
                    break;
                case 1:
                    await client.DisableRoutes(new DisableRoutesRequest { RouteTableId = side.RouteTableId, RouteItemIds = [route.RouteItemId!] });
                    break;
                default:
                    await client.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest { SubnetId = side.SubnetId, RouteTableId = mainTables[side.SubnetId] });
                    break;
            }
        }

        var watcher = host.Host.DriftWatcher;
        host.Emulator.SetLatency("*", latency);
        host.Emulator.ResetCalls();
        clock.Restart();
        var tick = await watcher.CheckAsync(host.Client, CancellationToken.None);
        var elapsed = clock.Elapsed;
        var counted = host.Emulator.Calls();
        if (tick.GroupErrors.Count > 0)
        {
            throw new InvalidOperationException($"group errors: {string.Join("; ", tick.GroupErrors)}");
        }

        // The repairs the tick started run on as their own orchestrations: wait for each to end.
        var repairs = await Task.WhenAll(tick.RepairsStarted.Select(r => r[(r.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Select(async id =>
            (await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true)).ReadOutputAs<RepairOutcome>()));
        var repairedAfter = clock.Elapsed;

        var goal = Goal(records);
        var scale = $"{count:N0} peerings over {Accounts} accounts in {Regions.Length} regions ({tick.Groups} (account, region) groups)";
        foreach (var action in new[] { "DescribeVpcPeeringConnections", "DescribeVpcs", "DescribeRouteTables", "DescribeSubnets" })
        {
            report(Row.Check("7", $"Watcher tick, {scale}: {action} calls (emulator counted {counted.ForAction(action).Total:N0} when the tick returned)",
                tick.TencentCalls.GetValueOrDefault(action), goal[action], Units.Count,
                why: "more than one call per (account, region) group and 100 items",
                goalText: $"≤ {goal[action]:N0} (1 per group and 100 items)"));
        }

        report(Row.Info("7", $"Same: time of the tick (L = {latency.TotalMilliseconds:N0} ms per call; reads, detection, {tick.PeeringsChecked:N0} registry writes, starting its repairs)",
            Units.Ms(elapsed.TotalMilliseconds), $"{tick.TotalTencentCalls:N0} Tencent calls, {counted.Totals.Throttled} throttled"));
        var found = tick.NewFindings.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]).Distinct().Count();
        report(Row.Check("7", $"Same: of the {Drifted} drifted peerings (routes deleted, disabled, a subnet moved back), not found in that tick",
            Drifted - found, 0, Units.Count, why: $"found {found}: {string.Join("; ", tick.NewFindings.Take(3))}"));
        report(Row.Info("7", "Same: repairs started in that tick (started / refused)",
            $"{tick.RepairsStarted.Count} / {tick.RepairsRefused.Count}", tick.RepairsRefused.FirstOrDefault() ?? "—"));
        var repaired = repairs.Count(r => r?.Status == RepairStatus.Repaired);
        report(Row.Check("7", $"Same: of the {Drifted} drifted peerings, not repaired by the repairs that tick started (all ended {Units.Ms(repairedAfter.TotalMilliseconds)} after the tick began)",
            Drifted - repaired, 0, Units.Count,
            why: $"repaired {repaired}: {string.Join("; ", repairs.Where(r => r?.Status != RepairStatus.Repaired).Take(3).Select(r => r?.Message ?? "no outcome"))}"));

        clock.Restart();
        var again = await watcher.CheckAsync(host.Client, CancellationToken.None);
        var stillDrifted = 0;
        await foreach (var record in host.Host.Registry.ListAsync())
        {
            stillDrifted += record.Health?.Status == HealthStatuses.Drifted ? 1 : 0;
        }

        report(Row.Info("7", "Same: the next tick (nothing new to find, tell or repair)", Units.Ms(clock.Elapsed.TotalMilliseconds),
            $"{again.NewFindings.Count} new findings, {again.RepairsStarted.Count} repairs, {stillDrifted} peerings still drifted, {again.TotalTencentCalls:N0} Tencent calls"));
    }

    /// <summary>Makes one peering as the console would and returns its record: what the registry holds after a run.</summary>
    private static async Task<RegisteredPeering> SetUpAsync(
        ITencentClientFactory clients, PlannedPeering peering, IReadOnlyDictionary<string, string> mainTables, CancellationToken ct)
    {
        var (a, b) = (peering.Initiator, peering.Receiver);
        var initiator = clients.Create(a.Account, a.Region);
        var receiver = clients.Create(b.Account, b.Region);
        var pcx = (await initiator.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = a.VpcId, DestinationVpcId = b.VpcId, PeeringConnectionName = peering.Name,
            DestinationUin = clients.UinOf(b.Account), DestinationRegion = b.Region,
        }, ct)).PeeringConnectionId!;
        await receiver.AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = pcx }, ct);
        foreach (var (client, side, other) in new[] { (initiator, a, b), (receiver, b, a) })
        {
            await client.CreateRoutes(new CreateRoutesRequest
            {
                RouteTableId = side.RouteTableId,
                Routes = [new Route { DestinationCidrBlock = other.Cidr, GatewayType = GatewayTypes.PeerConnection, GatewayId = pcx }],
            }, ct);
            await client.ReplaceRouteTableAssociation(new ReplaceRouteTableAssociationRequest { SubnetId = side.SubnetId, RouteTableId = side.RouteTableId }, ct);
        }

        return new RegisteredPeering(
            $"peering-{a.VpcId}-{b.VpcId}", peering.Name, RegistryStates.Active, pcx, Side(a, b), Side(b, a), DateTimeOffset.UtcNow);

        RegisteredSide Side(Endpoint side, Endpoint other) => new(
            side.Account, null, side.Region, side.VpcId, side.RouteTableId, [other.Cidr], [],
            [new RegisteredAssociation(side.SubnetId, mainTables[side.SubnetId], side.RouteTableId)]);
    }

    /// <summary>Per action, one call per (account, region) group and 100 of the ids it reads there.</summary>
    private static Dictionary<string, int> Goal(IEnumerable<RegisteredPeering> records)
    {
        var plan = ReadPlan.For(records);
        var byVpc = plan.Groups.Sum(g => Pages(g.VpcIds.Count));
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["DescribeVpcPeeringConnections"] = plan.Groups.Sum(g => Pages(g.PeeringConnectionIds.Count)),
            ["DescribeVpcs"] = byVpc,
            // Each VPC here has two tables (main and the peering's) and one subnet: at most 200 tables per 100 VPCs.
            ["DescribeRouteTables"] = plan.Groups.Sum(g => Pages(g.VpcIds.Count * 2)),
            ["DescribeSubnets"] = byVpc,
        };

        static int Pages(int items) => (items + 99) / 100;
    }
}
