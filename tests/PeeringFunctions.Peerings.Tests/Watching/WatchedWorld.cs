using PeeringFunctions.Peerings.Watching;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.Peerings.Tests.Watching;

/// <summary>
/// A healthy peering as the registry holds it and as Tencent shows it: alpha's vpc-alpha001 (10.10.0.0/16) routes
/// 172.16.0.0/16 through pcx-healthy1 in rtb-alphapcx with subnet-alphaweb moved there; beta's vpc-beta0001
/// (172.16.0.0/16) routes 10.10.0.0/16 back in rtb-betapcx1. Each test changes one thing.
/// </summary>
internal sealed record WatchedWorld(
    RegisteredPeering Record,
    Dictionary<string, PeeringFacts> Peerings,
    Dictionary<string, VpcFacts> Vpcs,
    Dictionary<string, RouteTableFacts> Tables,
    Dictionary<string, SubnetFacts> Subnets)
{
    public const string Pcx = "pcx-healthy1";
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    public static WatchedWorld Healthy()
    {
        var record = new RegisteredPeering(
            "peering-vpc-alpha001-vpc-beta0001", "alpha-beta", RegistryStates.Active, Pcx,
            new RegisteredSide("alpha", null, "ap-guangzhou", "vpc-alpha001", "rtb-alphapcx", ["172.16.0.0/16"], ["rti-alpha001"],
                [new RegisteredAssociation("subnet-alphaweb", "rtb-alphamai", "rtb-alphapcx")]),
            new RegisteredSide("beta", null, "ap-shanghai", "vpc-beta0001", "rtb-betapcx1", ["10.10.0.0/16"], ["rti-beta0001"], []),
            Now.AddDays(-1));
        return new WatchedWorld(
            record,
            new() { [Pcx] = new PeeringFacts(Pcx, "alpha-beta", "vpc-alpha001", "vpc-beta0001", "ACTIVE", 1, 2) },
            new()
            {
                ["vpc-alpha001"] = new VpcFacts("vpc-alpha001", "10.10.0.0/16", []),
                ["vpc-beta0001"] = new VpcFacts("vpc-beta0001", "172.16.0.0/16", []),
            },
            new()
            {
                ["rtb-alphapcx"] = Table("rtb-alphapcx", ["subnet-alphaweb"], Route("rti-alpha001", "172.16.0.0/16", Pcx)),
                ["rtb-betapcx1"] = Table("rtb-betapcx1", [], Route("rti-beta0001", "10.10.0.0/16", Pcx)),
            },
            new() { ["subnet-alphaweb"] = new SubnetFacts("subnet-alphaweb", "vpc-alpha001", "rtb-alphapcx") });
    }

    public WatchedFacts Facts => new(Peerings, Vpcs, Tables, Subnets);

    /// <summary>The CIDRs a first check accepted: each VPC's as the healthy world has them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> KnownAtFirstCheck => new Dictionary<string, IReadOnlyList<string>>
    {
        ["vpc-alpha001"] = ["10.10.0.0/16"],
        ["vpc-beta0001"] = ["172.16.0.0/16"],
    };

    public DriftCheck Detect(IReadOnlyDictionary<string, IReadOnlyList<string>>? known = null) =>
        DriftDetector.Detect(Record, Facts, known ?? KnownAtFirstCheck, Now);

    public static RouteTableFacts Table(string id, string[] subnets, params RouteFacts[] routes) => new(id, false, subnets, routes);

    public static RouteFacts Route(string item, string destination, string pcx, bool enabled = true) =>
        new(item, 1, destination, "PEERCONNECTION", pcx, enabled, "USER");
}
