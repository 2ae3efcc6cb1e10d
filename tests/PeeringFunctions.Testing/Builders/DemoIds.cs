using PeeringFunctions.LocalHost.Hosting;

namespace PeeringFunctions.Testing.Builders;

/// <summary>The identifiers of the emulator's demo seed (docs/demo-ids.md).</summary>
public static class DemoIds
{
    public const string Alpha = "alpha";
    public const string Beta = "beta";
    public const string AlphaUin = "100000000001";
    public const string BetaUin = "100000000002";

    public const string Guangzhou = "ap-guangzhou";
    public const string Shanghai = "ap-shanghai";

    public const string AlphaVpc = "vpc-alpha001";
    public const string AlphaCidr = "10.10.0.0/16";
    public const string AlphaAssistantCidr = "10.11.0.0/16";
    public const string AlphaMainTable = "rtb-alphamai";
    public const string AlphaPeeringTable = "rtb-alphapcx";
    public const string AlphaWebSubnet = "subnet-alphaweb";

    /// <summary>beta's ap-shanghai VPC: alpha ↔ beta here is cross-region.</summary>
    public const string BetaVpc = "vpc-beta0001";
    public const string BetaCidr = "172.16.0.0/16";
    public const string BetaMainTable = "rtb-betamain";
    public const string BetaPeeringTable = "rtb-betapcx1";
    public const string BetaAppSubnet = "subnet-betaapp1";

    /// <summary>beta's ap-guangzhou VPC: alpha ↔ beta here is same-region.</summary>
    public const string BetaGzVpc = "vpc-betagz01";
    public const string BetaGzCidr = "192.168.0.0/20";
    public const string BetaGzMainTable = "rtb-betagzmn";
    public const string BetaGzSubnet = "subnet-betagz01";

    /// <summary>beta's ap-shanghai VPC whose 10.10.128.0/20 overlaps alpha's 10.10.0.0/16.</summary>
    public const string BetaOverlapVpc = "vpc-betaover";

    // beta's demo API key pair: what beta itself would sign with in its own account (documented demo values).
    public const string BetaSecretId = "AKIDbetaDEMO00000000000000000000002";
    public const string BetaSecretKey = "betaDemoSecretKey0000000000000002";
    public const string AlphaSecretKey = "alphaDemoSecretKey000000000000001";

    public static string ApproverKey(string alias) => TencentSettings.DemoApproverKey(alias);
}
