namespace TencentVpcEmulator.Tests.Support;

/// <summary>Demo seed plus extra VPCs/accounts for scenarios the demo world cannot express.</summary>
internal static class Seeds
{
    public static readonly ApiKey Gamma = new("AKIDgammaDEMO000000000000000000003", "gammaDemoSecretKey00000000000003");
    public const string GammaUin = "100000000003";

    public static EmulatorSeed DemoWith(params SeedVpc[] extra)
    {
        var seed = EmulatorSeed.Demo;
        seed.Accounts.Add(new SeedAccount { Name = "gamma", Uin = 100000000003, AppId = 1250000003, SecretId = Gamma.SecretId, SecretKey = Gamma.SecretKey });
        seed.Vpcs.AddRange(extra);
        seed.Validate();
        return seed;
    }

    /// <summary>A VPC with one main route table "rtb-" + suffix and no subnets; suffix is 8 lower-case alphanumerics.</summary>
    public static SeedVpc Vpc(string account, string region, string suffix, string cidr, params string[] assistantCidrs) => new()
    {
        Account = account,
        Region = region,
        VpcId = "vpc-" + suffix,
        CidrBlock = cidr,
        AssistantCidrs = [.. assistantCidrs],
        RouteTables = [new SeedRouteTable { RouteTableId = "rtb-" + suffix, Main = true }],
        Subnets = [],
    };
}
