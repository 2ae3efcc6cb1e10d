namespace PeeringFunctions.TencentAccess.Accounts;

/// <summary>
/// "Tencent:Quotas": the quotas Tencent enforces that pre-flight checks a request against, so a request Tencent would
/// refuse half-way is refused before anything is created. Defaults are Tencent's documented defaults; raise one when
/// Tencent has raised it for your accounts.
/// </summary>
public sealed class TencentQuotaOptions
{
    /// <summary>Live (PENDING or ACTIVE) peering connections one VPC may have, at either end (Tencent: 10).</summary>
    public int LivePeeringsPerVpc { get; set; } = 10;

    /// <summary>Route entries one route table holds (Tencent's default quota: 200).</summary>
    public int RoutesPerRouteTable { get; set; } = 200;
}
