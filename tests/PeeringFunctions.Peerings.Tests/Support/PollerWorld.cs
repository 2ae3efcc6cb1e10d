using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PeeringFunctions.Peerings.Acceptance;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;
using Xunit.Abstractions;

namespace PeeringFunctions.Peerings.Tests.Support;

/// <summary>
/// One test's world: an emulator seeded with enough VPCs for every (initiator account, region) group the test asks
/// for, the real <see cref="AcceptancePoller"/> wired the way the apps wire it (AddPeeringWorkflow binding
/// Tencent:BaseUrl and Tencent:Accounts, AddPeeringAcceptance), and a mocked Durable client holding the waiting
/// instances. Peerings are requested through the real client, as the workflow's CreatePeeringActivity does.
/// </summary>
internal sealed class PollerWorld : IAsyncDisposable
{
    public const string Alpha = "alpha";
    public const string Beta = "beta";
    public const string Gamma = "gamma";

    /// <summary>The receiver of every peering in these worlds: an account of its own, deciding with its own key pair.</summary>
    public const string Receiver = Beta;

    public const string Guangzhou = "ap-guangzhou";
    public const string Shanghai = "ap-shanghai";

    /// <summary>Tencent refuses an 11th live peering on a VPC; the seed never asks for more than this many per VPC.</summary>
    private const int PeeringsPerVpc = 10;

    private static readonly SeedAccount[] SeedAccounts =
    [
        Account(Alpha, 100000000001),
        Account(Beta, 100000000002),
        Account(Gamma, 100000000003),
    ];

    private readonly ServiceProvider services;
    private readonly Dictionary<GroupSpec, IReadOnlyList<VpcPair>> pairs;
    private readonly EmulatorTime time;

    private PollerWorld(TencentVpcEmulatorServer emulator, ServiceProvider services, Dictionary<GroupSpec, IReadOnlyList<VpcPair>> pairs, EmulatorTime time)
    {
        Emulator = emulator;
        this.services = services;
        this.pairs = pairs;
        this.time = time;
        Poller = services.GetRequiredService<AcceptancePoller>();
    }

    public TencentVpcEmulatorServer Emulator { get; }

    public AcceptancePoller Poller { get; }

    /// <summary>Strict, and the poller may only query and raise (<see cref="TickAsync"/> checks it).</summary>
    public DurableFake Durable { get; } = new(MockBehavior.Strict);

    public static string UinOf(string account) =>
        SeedAccounts.FirstOrDefault(a => a.Name == account)?.Uin.ToString(CultureInfo.InvariantCulture) ?? "100000000099";

    /// <summary>Starts an emulator whose seed has, for each group, initiator VPCs in the group's account and region and receiver VPCs of beta in the same region.</summary>
    public static Task<PollerWorld> StartAsync(params GroupSpec[] groups) => StartAsync(configure: null, groups);

    /// <param name="configure">Changes to the emulator's options (say, a page cap) before it starts.</param>
    public static async Task<PollerWorld> StartAsync(Action<EmulatorOptions>? configure, params GroupSpec[] groups)
    {
        var (seed, pairs) = BuildSeed(groups);
        var options = new EmulatorOptions { Seed = seed, RandomSeed = 20261201 };
        configure?.Invoke(options);
        var emulator = await TencentVpcEmulatorServer.StartAsync(options);
        var time = new EmulatorTime(emulator);

        var settings = new Dictionary<string, string?> { ["Tencent:BaseUrl"] = emulator.BaseUrl.ToString() };
        foreach (var account in SeedAccounts)
        {
            settings[$"Tencent:Accounts:{account.Name}:Uin"] = account.Uin.ToString(CultureInfo.InvariantCulture);
            settings[$"Tencent:Accounts:{account.Name}:SecretId"] = account.SecretId;
            settings[$"Tencent:Accounts:{account.Name}:SecretKey"] = account.SecretKey;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddPeeringWorkflow(configuration)
            .AddPeeringAcceptance()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new PollerWorld(emulator, services, pairs, time);
    }

    public IReadOnlyList<VpcPair> PairsOf(GroupSpec group) => pairs[group];

    /// <summary>A client signing as <paramref name="account"/> with its own key pair, outside our app.</summary>
    public VpcClient As(string account, string region)
    {
        var seedAccount = SeedAccounts.Single(a => a.Name == account);
        return new VpcClient(
            new Credential(seedAccount.SecretId, seedAccount.SecretKey),
            region,
            new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = Emulator.BaseUrl } },
            timeProvider: time);
    }

    /// <summary>
    /// Requests the peerings of <paramref name="group"/> (all of its pairs, or those at <paramref name="indexes"/>) as
    /// the initiator and, unless <paramref name="addWaitingInstances"/> is false, adds a Running instance waiting for
    /// acceptance for each.
    /// </summary>
    public async Task<IReadOnlyList<RequestedPeering>> RequestAsync(GroupSpec group, IEnumerable<int>? indexes = null, bool addWaitingInstances = true)
    {
        var wanted = (indexes ?? Enumerable.Range(0, group.Peerings)).Select(i => (Index: i, Pair: pairs[group][i])).ToList();
        var initiator = As(group.Account, group.Region);
        var created = new RequestedPeering[wanted.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, wanted.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
        {
            var (index, pair) = wanted[n];
            var response = await initiator.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
            {
                SourceVpcId = pair.SourceVpcId,
                PeeringConnectionName = $"{group.Account}-{group.Region}-{index}",
                DestinationVpcId = pair.DestinationVpcId,
                DestinationUin = UinOf(Receiver),
                DestinationRegion = group.Region,
            }, ct);
            var request = RequestFor(group, pair);
            created[n] = new RequestedPeering(InstanceIdOf(pair), response.PeeringConnectionId!, group, pair, request);
        });

        foreach (var peering in addWaitingInstances ? created : [])
        {
            Durable.Add(PeeringInstances.Peering(peering.InstanceId, peering.Request, peering.PeeringConnectionId));
        }

        return created;
    }

    /// <summary>What the portal asked for: the group's account and region to beta's VPC in the same region.</summary>
    public static PeeringRequest RequestFor(GroupSpec group, VpcPair pair) => new(
        $"{group.Account} {pair.SourceVpcId} to {pair.DestinationVpcId}",
        new PeeringSide(group.Region, pair.SourceVpcId, group.Account),
        new PeeringSide(group.Region, pair.DestinationVpcId, Receiver));

    /// <summary>The id the HTTP API gives a pair (PeeringInstanceIds.For): "peering-" and both VPC ids, sorted.</summary>
    public static string InstanceIdOf(VpcPair pair)
    {
        var sorted = new[] { pair.SourceVpcId, pair.DestinationVpcId }.Order(StringComparer.Ordinal).ToArray();
        return $"peering-{sorted[0]}-{sorted[1]}";
    }

    public Task AcceptAsReceiverAsync(RequestedPeering peering) =>
        As(Receiver, peering.Group.Region).AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = peering.PeeringConnectionId });

    public Task RejectAsReceiverAsync(RequestedPeering peering) =>
        As(Receiver, peering.Group.Region).RejectVpcPeeringConnection(new RejectVpcPeeringConnectionRequest { PeeringConnectionId = peering.PeeringConnectionId });

    public Task DeleteAsAsync(string account, RequestedPeering peering) =>
        As(account, peering.Group.Region).DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = peering.PeeringConnectionId });

    /// <summary>What Tencent shows for the peering now.</summary>
    public string StateOf(RequestedPeering peering) =>
        Emulator.Snapshot().Peerings.Single(p => p.PeeringConnectionId == peering.PeeringConnectionId).State;

    /// <summary>DescribeVpcPeeringConnections calls the emulator has answered since the counters were last reset, errors included.</summary>
    public long DescribeCalls() => Emulator.Calls().ForAction("DescribeVpcPeeringConnections").Total;

    /// <summary>One tick, timed, with the figures written to the test output.</summary>
    public async Task<PollReport> TickAsync(ITestOutputHelper output, string label = "tick")
    {
        var before = Emulator.Calls().Totals.Total;
        var clock = Stopwatch.StartNew();
        var report = await Poller.PollAsync(Durable.Client, CancellationToken.None);
        clock.Stop();
        Durable.AssertOnlyCalled(nameof(DurableTaskClient.GetAllInstancesAsync), nameof(DurableTaskClient.RaiseEventAsync));
        var calls = Emulator.Calls().Totals.Total - before;
        output.WriteLine(
            $"{label}: waiting {report.Waiting}, groups {report.Groups}, Tencent calls {report.TencentCalls} (emulator counted {calls}), " +
            $"raised {report.Raised.Count}, group errors {report.GroupErrors.Count}, elapsed {clock.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var error in report.GroupErrors)
        {
            output.WriteLine($"  group error: {error}");
        }

        foreach (var raised in report.Raised.Count <= 10 ? report.Raised : [])
        {
            output.WriteLine($"  raised: {raised}");
        }

        return report;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private static SeedAccount Account(string name, long uin) => new()
    {
        Name = name,
        Uin = uin,
        AppId = 1250000000 + (uin % 100),
        SecretId = $"AKID{name}POLLERTEST{uin}",
        SecretKey = $"{name}PollerTestSecretKey{uin}",
    };

    /// <summary>
    /// Per group of n peerings: ceil(n/10) initiator VPCs and at least as many (and at least min(n, 10)) receiver VPCs;
    /// initiator VPC s peers with receiver VPCs s, s+1, … s+9 (mod the receiver count), so no VPC has more than ten live
    /// peerings. Every VPC has a /24 of its own, so no pair and no two peers of one VPC overlap.
    /// </summary>
    private static (EmulatorSeed Seed, Dictionary<GroupSpec, IReadOnlyList<VpcPair>> Pairs) BuildSeed(IEnumerable<GroupSpec> groups)
    {
        var vpcs = new List<SeedVpc>();
        var pairs = new Dictionary<GroupSpec, IReadOnlyList<VpcPair>>();
        var number = 0;

        string NewVpc(string account, string region)
        {
            number++;
            var vpcId = $"vpc-{number:x8}";
            vpcs.Add(new SeedVpc
            {
                Account = account,
                Region = region,
                VpcId = vpcId,
                CidrBlock = $"10.{number / 256}.{number % 256}.0/24",
                RouteTables = [new SeedRouteTable { RouteTableId = $"rtb-{number:x8}", Main = true }],
            });
            return vpcId;
        }

        foreach (var group in groups)
        {
            var sourceCount = Math.Max(1, (group.Peerings + PeeringsPerVpc - 1) / PeeringsPerVpc);
            var destinationCount = Math.Max(sourceCount, Math.Min(group.Peerings, PeeringsPerVpc));
            var sources = Enumerable.Range(0, sourceCount).Select(_ => NewVpc(group.Account, group.Region)).ToList();
            var destinations = Enumerable.Range(0, destinationCount).Select(_ => NewVpc(Receiver, group.Region)).ToList();
            pairs[group] = [.. Enumerable.Range(0, group.Peerings).Select(p =>
            {
                var source = p / PeeringsPerVpc;
                return new VpcPair(sources[source], destinations[(source + (p % PeeringsPerVpc)) % destinationCount]);
            })];
        }

        var seed = new EmulatorSeed { Accounts = [.. SeedAccounts], Vpcs = vpcs };
        seed.Validate("poller test seed");
        return (seed, pairs);
    }
}

/// <summary>One (initiator account, region) group and how many peerings it requests.</summary>
internal sealed record GroupSpec(string Account, string Region, int Peerings)
{
    public string Key => $"{Account}/{Region}";

    public override string ToString() => $"{Key} ×{Peerings}";
}

internal sealed record VpcPair(string SourceVpcId, string DestinationVpcId);

/// <summary>A peering requested on the emulator and the instance waiting for its acceptance.</summary>
internal sealed record RequestedPeering(string InstanceId, string PeeringConnectionId, GroupSpec Group, VpcPair Pair, PeeringRequest Request);
