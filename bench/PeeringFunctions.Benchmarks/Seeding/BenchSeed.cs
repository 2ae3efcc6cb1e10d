using System.Globalization;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.Benchmarks.Seeding;

/// <summary>One end of a planned peering: a VPC with a route table and a subnet reserved for it.</summary>
public sealed record Endpoint(string Account, string Region, string VpcId, string Cidr, string RouteTableId, string SubnetId)
{
    public PeeringSide Side => new(Region, VpcId, Account: Account, RouteTableId: RouteTableId, SubnetIds: [SubnetId]);
}

/// <summary>A peering the seed was laid out for: both ends exist, their CIDRs are unique, and no VPC exceeds Tencent's 10 peerings.</summary>
public sealed record PlannedPeering(string Name, Endpoint Initiator, Endpoint Receiver)
{
    public PeeringRequest Request => new(Name, Initiator.Side, Receiver.Side,
        CrossRegion: Initiator.Region == Receiver.Region ? null : new CrossRegionOptions(100, "POSTPAID_BY_DAY_MAX"),
        AcceptanceTimeout: TimeSpan.FromDays(2));
}

/// <summary>
/// Generates emulator seeds: accounts, and VPCs each holding a main route table plus one route table and one subnet
/// per peering it will take part in (subnets start on the main table, so every peering moves one subnet per side).
/// Every VPC gets its own /20 out of 10.0.0.0/8, so no two VPCs overlap and no routes conflict.
/// </summary>
public sealed class BenchSeed
{
    /// <summary>Tencent allows 10 peerings per VPC (emulator: MaxLivePeeringsPerVpc).</summary>
    public const int MaxPeeringsPerVpc = 10;

    private readonly List<SeedAccount> accounts = [];
    private readonly List<SeedVpc> vpcs = [];
    private int vpcCount;
    private int tableCount;
    private int subnetCount;

    public IReadOnlyList<SeedAccount> Accounts => accounts;

    public string AddAccount(string name)
    {
        var index = accounts.Count + 1;
        accounts.Add(new SeedAccount
        {
            Name = name,
            Uin = 300000000000 + index,
            AppId = 1400000000 + index,
            SecretId = string.Create(CultureInfo.InvariantCulture, $"AKIDbench{index:D6}{name}"),
            SecretKey = string.Create(CultureInfo.InvariantCulture, $"benchSecretKey{index:D6}{name}"),
        });
        return name;
    }

    /// <summary>A VPC in <paramref name="region"/> with <paramref name="endpoints"/> (route table, subnet) pairs for peerings.</summary>
    public IReadOnlyList<Endpoint> AddVpc(string account, string region, int endpoints)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endpoints, 15); // 16 /24s in a /20, one left for nothing
        var index = vpcCount++;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 4095);
        var baseAddress = (10 << 24) + (index << 12);
        var cidr = Cidr(baseAddress, 20);
        var vpcId = Id("vpc", index);
        var main = Id("rtb", tableCount++);
        var tables = new List<SeedRouteTable> { new() { RouteTableId = main, Main = true, RouteTableName = "main" } };
        var subnets = new List<SeedSubnet>();
        var result = new List<Endpoint>();
        for (var e = 0; e < endpoints; e++)
        {
            var table = Id("rtb", tableCount++);
            var subnet = Id("subnet", subnetCount++);
            tables.Add(new SeedRouteTable { RouteTableId = table, Main = false, RouteTableName = $"peering-{e}" });
            subnets.Add(new SeedSubnet { SubnetId = subnet, CidrBlock = Cidr(baseAddress + (e << 8), 24), Zone = region + "-3", RouteTableId = main });
            result.Add(new Endpoint(account, region, vpcId, cidr, table, subnet));
        }

        vpcs.Add(new SeedVpc { Account = account, Region = region, VpcId = vpcId, CidrBlock = cidr, AssistantCidrs = [], RouteTables = tables, Subnets = subnets });
        return result;
    }

    /// <summary>Two fresh VPCs, one per account, made for one peering.</summary>
    public PlannedPeering AddPair(string name, string initiator, string receiver, string region = "ap-guangzhou", string? receiverRegion = null) =>
        new(name, AddVpc(initiator, region, 1)[0], AddVpc(receiver, receiverRegion ?? region, 1)[0]);

    public EmulatorSeed Build()
    {
        var seed = new EmulatorSeed { Accounts = [.. accounts], Vpcs = [.. vpcs] };
        seed.Validate("benchmark seed");
        return seed;
    }

    /// <summary>
    /// Scenario 3: <paramref name="peerings"/> cross-account peerings spread evenly over <paramref name="accountCount"/>
    /// accounts (each initiates and receives the same number), in one region. Peering p: initiator p mod n, receiver
    /// (initiator + 1 + p div n) mod n, on the initiator's and receiver's VPC number (p div n) mod vpcsPerAccount.
    /// </summary>
    public static (BenchSeed Seed, IReadOnlyList<PlannedPeering> Peerings) Spread(int peerings, int accountCount, string region = "ap-guangzhou")
    {
        var perAccount = (int)Math.Ceiling(peerings / (double)accountCount); // initiated, and as many received
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(perAccount, accountCount);
        var vpcsPerAccount = (int)Math.Ceiling(2.0 * perAccount / MaxPeeringsPerVpc);
        var endpointsPerVpc = (int)Math.Ceiling(2.0 * perAccount / vpcsPerAccount);
        var builder = new BenchSeed();
        var names = Enumerable.Range(0, accountCount).Select(i => builder.AddAccount($"acct{i:D2}")).ToList();
        var free = names.Select(name => Enumerable.Range(0, vpcsPerAccount).Select(_ => new Queue<Endpoint>(builder.AddVpc(name, region, endpointsPerVpc))).ToList()).ToList();
        var planned = new List<PlannedPeering>();
        for (var p = 0; p < peerings; p++)
        {
            var round = p / accountCount;
            var initiator = p % accountCount;
            var receiver = (initiator + 1 + round) % accountCount;
            var vpc = round % vpcsPerAccount;
            planned.Add(new PlannedPeering($"bench-{p:D4}", free[initiator][vpc].Dequeue(), free[receiver][vpc].Dequeue()));
        }

        return (builder, planned);
    }

    /// <summary>
    /// Scenarios 4 and 5: <paramref name="groups"/> initiator accounts (half in ap-guangzhou, half in ap-shanghai), each
    /// peering <paramref name="perGroup"/> times with its own receiver account in the same region: every initiator VPC
    /// with every receiver VPC of the pair (10 × 10 for 100), so each VPC takes part in at most 10 peerings.
    /// </summary>
    public static (BenchSeed Seed, IReadOnlyList<PlannedPeering> Peerings) Grouped(int groups, int perGroup)
    {
        var side = (int)Math.Ceiling(Math.Sqrt(perGroup));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(side, MaxPeeringsPerVpc);
        var builder = new BenchSeed();
        var planned = new List<PlannedPeering>();
        for (var g = 0; g < groups; g++)
        {
            var region = g < (groups + 1) / 2 ? "ap-guangzhou" : "ap-shanghai";
            var initiator = builder.AddAccount($"init{g:D2}");
            var receiver = builder.AddAccount($"recv{g:D2}");
            var initiatorVpcs = Enumerable.Range(0, side).Select(_ => new Queue<Endpoint>(builder.AddVpc(initiator, region, side))).ToList();
            var receiverVpcs = Enumerable.Range(0, side).Select(_ => new Queue<Endpoint>(builder.AddVpc(receiver, region, side))).ToList();
            for (var n = 0; n < perGroup; n++)
            {
                planned.Add(new PlannedPeering($"wait-{g:D2}-{n:D3}", initiatorVpcs[n / side].Dequeue(), receiverVpcs[n % side].Dequeue()));
            }
        }

        return (builder, planned);
    }

    private static string Id(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:x8}");

    private static string Cidr(int address, int prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{(address >> 24) & 255}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}/{prefix}");
}
