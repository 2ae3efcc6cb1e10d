using System.Globalization;
using TencentVpcEmulator;

namespace PeeringFunctions.Testing.Builders;

/// <summary>
/// Emulator seeds for topologies: <c>accounts</c> accounts team01…, and VPCs vpc-topo0000… dealt round-robin over
/// the accounts and the regions, each with CIDR 10.(k+1).0.0/16, one main table rtb-topoNNNN and one subnet.
/// </summary>
public static class TopologySeeds
{
    public static string Account(int index) => $"team{index + 1:d2}";

    public static string Vpc(int index) => $"vpc-topo{index:d4}";

    public static string Table(int index) => $"rtb-topo{index:d4}";

    public static string CidrOf(int index) => $"10.{index + 1}.0.0/16";

    /// <summary>The account and region VPC <paramref name="index"/> lives in.</summary>
    public static (string Account, string Region) PlaceOf(int index, int accounts, IReadOnlyList<string> regions) =>
        (Account(index % accounts), regions[index % regions.Count]);

    public static EmulatorSeed Build(int accounts, int vpcs, params string[] regions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vpcs, 250);
        var seed = new EmulatorSeed
        {
            Accounts = [.. Enumerable.Range(0, accounts).Select(i => new SeedAccount
            {
                Name = Account(i),
                Uin = 200000000001 + i,
                AppId = 1300000001 + i,
                SecretId = $"AKID{Account(i)}TOPO{i:d23}",
                SecretKey = $"{Account(i)}TopologySecretKey{i:d13}",
            })],
            Vpcs = [.. Enumerable.Range(0, vpcs).Select(k =>
            {
                var (account, region) = PlaceOf(k, accounts, regions);
                return new SeedVpc
                {
                    Account = account,
                    Region = region,
                    VpcId = Vpc(k),
                    CidrBlock = CidrOf(k),
                    RouteTables = [new SeedRouteTable { RouteTableId = Table(k), Main = true }],
                    Subnets =
                    [
                        new SeedSubnet
                        {
                            SubnetId = $"subnet-topo{k:d4}",
                            CidrBlock = string.Create(CultureInfo.InvariantCulture, $"10.{k + 1}.1.0/24"),
                            Zone = region + "-3",
                            RouteTableId = Table(k),
                        },
                    ],
                };
            })],
        };
        seed.Validate("topology seed");
        return seed;
    }
}
