namespace TencentVpcEmulator.Tests.Support;

/// <summary>The demo seed identifiers (docs/demo-ids.md).</summary>
internal static class Demo
{
    public static readonly ApiKey Alpha = new("AKIDalphaDEMO0000000000000000000001", "alphaDemoSecretKey000000000000001");
    public static readonly ApiKey Beta = new("AKIDbetaDEMO00000000000000000000002", "betaDemoSecretKey0000000000000002");

    public const string AlphaUin = "100000000001";
    public const string BetaUin = "100000000002";
    public const string Guangzhou = "ap-guangzhou";
    public const string Shanghai = "ap-shanghai";

    public const string AlphaVpc = "vpc-alpha001";
    public const string AlphaMainTable = "rtb-alphamai";
    public const string AlphaPeeringTable = "rtb-alphapcx";
    public const string AlphaWebSubnet = "subnet-alphaweb";
    public const string AlphaDbSubnet = "subnet-alphadb1";

    public const string BetaVpc = "vpc-beta0001";
    public const string BetaMainTable = "rtb-betamain";
    public const string BetaPeeringTable = "rtb-betapcx1";
    public const string BetaAppSubnet = "subnet-betaapp1";
    public const string BetaGuangzhouVpc = "vpc-betagz01";
    public const string BetaOverlappingVpc = "vpc-betaover";
    public const string BetaOverlappingSubnet = "subnet-betaover";
}

internal sealed record ApiKey(string SecretId, string SecretKey);
