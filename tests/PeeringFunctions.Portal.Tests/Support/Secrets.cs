namespace PeeringFunctions.Portal.Tests.Support;

/// <summary>What must never appear in a page: the demo seed's credentials, the approver keys, the signing key.</summary>
internal static class Secrets
{
    public static readonly string[] Values =
    [
        "AKIDalphaDEMO0000000000000000000001",
        "AKIDbetaDEMO00000000000000000000002",
        "alphaDemoSecretKey000000000000001",
        "betaDemoSecretKey0000000000000002",
        "alpha-approver-demo-key",
        "beta-approver-demo-key",
        PortalHostFixture.SigningKey,
        "SecretKey",
        "SecretId",
        "ApproverKey",
    ];

    public static void AssertNone(string page)
    {
        foreach (var secret in Values)
        {
            Assert.DoesNotContain(secret, page, StringComparison.OrdinalIgnoreCase);
        }
    }
}
