namespace PeeringFunctions.Portal.Tests.Support;

/// <summary>Requests over the demo seed (docs/demo-ids.md).</summary>
public static class Requests
{
    public const string AlphaCidr = "10.10.0.0/16";
    public const string AlphaAssistantCidr = "10.11.0.0/16";
    public const string BetaCidr = "172.16.0.0/16";

    public static object AlphaToBeta(string name = "alpha-to-beta", string timeout = "PT1H") => new
    {
        name,
        initiator = new { account = "alpha", region = "ap-guangzhou", vpcId = "vpc-alpha001", routeTableId = "rtb-alphapcx", subnetIds = new[] { "subnet-alphaweb" } },
        receiver = new { account = "beta", region = "ap-shanghai", vpcId = "vpc-beta0001", routeTableId = "rtb-betapcx1", subnetIds = new[] { "subnet-betaapp1" } },
        acceptanceTimeout = timeout,
    };
}
