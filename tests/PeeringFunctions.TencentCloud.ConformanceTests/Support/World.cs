using TencentVpcEmulator;

namespace PeeringFunctions.TencentCloud.ConformanceTests.Support;

/// <summary>An API key of a seeded account (demo values, documented on purpose in docs/demo-ids.md).</summary>
public sealed record ApiKey(string Name, string SecretId, string SecretKey, long Uin, long AppId);

/// <summary>
/// The world every emulator of this suite starts from: the demo seed (docs/demo-ids.md) plus a few extra VPCs and
/// accounts for rules the demo world cannot express. Identifiers are spelled out here so a test reads like the spec.
/// </summary>
public static class World
{
    public const string Guangzhou = "ap-guangzhou";
    public const string Shanghai = "ap-shanghai";

    // Demo seed (src/TencentVpcEmulator/Seeds/demo.json).
    public static readonly ApiKey Alpha = new("alpha", "AKIDalphaDEMO0000000000000000000001", "alphaDemoSecretKey000000000000001", 100000000001, 1250000001);
    public static readonly ApiKey Beta = new("beta", "AKIDbetaDEMO00000000000000000000002", "betaDemoSecretKey0000000000000002", 100000000002, 1250000002);

    public const string AlphaVpc = "vpc-alpha001";           // ap-guangzhou 10.10.0.0/16, assistant 10.11.0.0/16
    public const string AlphaVpcCidr = "10.10.0.0/16";
    public const string AlphaAssistantCidr = "10.11.0.0/16";
    public const string AlphaMainTable = "rtb-alphamai";
    public const string AlphaPeeringTable = "rtb-alphapcx";
    public const string AlphaWebSubnet = "subnet-alphaweb";   // 10.10.1.0/24 on rtb-alphamai
    public const string AlphaWebSubnetCidr = "10.10.1.0/24";
    public const string AlphaDbSubnet = "subnet-alphadb1";    // 10.10.2.0/24 on rtb-alphamai

    public const string BetaVpc = "vpc-beta0001";            // ap-shanghai 172.16.0.0/16
    public const string BetaVpcCidr = "172.16.0.0/16";
    public const string BetaMainTable = "rtb-betamain";
    public const string BetaPeeringTable = "rtb-betapcx1";
    public const string BetaAppSubnet = "subnet-betaapp1";
    public const string BetaGuangzhouVpc = "vpc-betagz01";   // ap-guangzhou 192.168.0.0/20
    public const string BetaGuangzhouVpcCidr = "192.168.0.0/20";
    public const string BetaOverlappingVpc = "vpc-betaover"; // ap-shanghai 10.10.128.0/20 (overlaps alpha's primary CIDR)
    public const string BetaOverlappingSubnet = "subnet-betaover";

    // Extras added by this suite.
    /// <summary>beta, ap-shanghai, 10.11.128.0/20: overlaps only alpha's ASSISTANT CIDR 10.11.0.0/16.</summary>
    public const string BetaAssistantClashVpc = "vpc-betaasst";

    /// <summary>beta, ap-shanghai, 172.16.0.0/20: clear of alpha, but inside beta's vpc-beta0001 (an existing peer of alpha).</summary>
    public const string BetaPeerClashVpc = "vpc-betadup1";

    /// <summary>An account whose seed lists a session token: X-TC-Token must be that token.</summary>
    public static readonly ApiKey Gamma = new("gamma", "AKIDgammaCONF00000000000000000000003", "gammaConfSecretKey0000000000000003", 100000000003, 1250000003);
    public const string GammaToken = "gamma-session-token-0000000001";
    public const string GammaVpc = "vpc-gamma001";           // ap-guangzhou 10.30.0.0/16
    public const string GammaVpcCidr = "10.30.0.0/16";

    /// <summary>One VPC in every region of <see cref="AllRegions"/>, owned by "delta".</summary>
    public static readonly ApiKey Delta = new("delta", "AKIDdeltaCONF00000000000000000000004", "deltaConfSecretKey0000000000000004", 100000000004, 1250000004);

    /// <summary>Spec §4.6 (terraform's table): the short code DescribeVpcPeeringConnections prints for each long region name.</summary>
    public static readonly IReadOnlyList<(string Region, string ShortCode)> SpecRegions =
    [
        ("ap-guangzhou", "gz"), ("ap-shanghai", "sh"), ("ap-beijing", "bj"), ("ap-chengdu", "cd"), ("ap-chongqing", "cq"),
        ("ap-nanjing", "nj"), ("ap-hongkong", "hk"), ("ap-singapore", "sg"), ("ap-tokyo", "jp"), ("ap-seoul", "kr"),
        ("ap-bangkok", "th"), ("ap-jakarta", "jkt"), ("eu-frankfurt", "de"), ("na-siliconvalley", "usw"), ("na-ashburn", "use"),
        ("sa-saopaulo", "sao"), ("ap-mumbai", "in"), ("na-toronto", "ca"), ("ap-taipei", "tpe"), ("ap-shenzhen-fsi", "szjr"),
        ("ap-shanghai-fsi", "shjr"), ("ap-beijing-fsi", "bjjr"), ("ap-tianjin", "tsn"),
    ];

    /// <summary>Regions the client knows beyond spec §4.6's table, with the short codes it maps back (not in the spec).</summary>
    public static readonly IReadOnlyList<(string Region, string ShortCode)> ExtraRegions = [("ap-shenzhen", "szx"), ("ap-qingyuan", "qy")];

    /// <summary>Every region a test peers from: the spec's table, then the extras.</summary>
    public static readonly IReadOnlyList<(string Region, string ShortCode)> AllRegions = [.. SpecRegions, .. ExtraRegions];

    /// <summary>Every secret that must never show up in an exception text.</summary>
    public static readonly IReadOnlyList<string> AllSecrets =
    [
        Alpha.SecretKey, Beta.SecretKey, Gamma.SecretKey, Delta.SecretKey, GammaToken, WrongSecretKey, TemporaryToken,
    ];

    /// <summary>A plausible but wrong key for alpha's SecretId.</summary>
    public const string WrongSecretKey = "notAlphasSecretKeyXXXXXXXXXXXXXX";

    /// <summary>A session token sent by accounts whose seed lists no tokens (the emulator then accepts any token).</summary>
    public const string TemporaryToken = "sts-temporary-token-for-alpha-0001";

    public static string DeltaVpc(int index) => $"vpc-delta{index:D3}";

    public static string DeltaVpcCidr(int index) => $"172.{20 + index}.0.0/16";

    public static EmulatorSeed Create()
    {
        var seed = EmulatorSeed.Demo;
        seed.Accounts.Add(new SeedAccount
        {
            Name = Gamma.Name, Uin = Gamma.Uin, AppId = Gamma.AppId, SecretId = Gamma.SecretId, SecretKey = Gamma.SecretKey, Tokens = [GammaToken],
        });
        seed.Accounts.Add(new SeedAccount { Name = Delta.Name, Uin = Delta.Uin, AppId = Delta.AppId, SecretId = Delta.SecretId, SecretKey = Delta.SecretKey });

        seed.Vpcs.Add(Vpc(Beta.Name, Shanghai, BetaAssistantClashVpc, "10.11.128.0/20"));
        seed.Vpcs.Add(Vpc(Beta.Name, Shanghai, BetaPeerClashVpc, "172.16.0.0/20"));
        seed.Vpcs.Add(Vpc(Gamma.Name, Guangzhou, GammaVpc, GammaVpcCidr));
        for (var i = 0; i < AllRegions.Count; i++)
        {
            seed.Vpcs.Add(Vpc(Delta.Name, AllRegions[i].Region, DeltaVpc(i), DeltaVpcCidr(i)));
        }

        seed.Validate("conformance seed");
        return seed;
    }

    private static SeedVpc Vpc(string account, string region, string vpcId, string cidr) => new()
    {
        Account = account,
        Region = region,
        VpcId = vpcId,
        VpcName = vpcId + "-name",
        CidrBlock = cidr,
        AssistantCidrs = [],
        RouteTables = [new SeedRouteTable { RouteTableId = "rtb-" + vpcId[4..], Main = true }],
        Subnets = [],
    };
}
