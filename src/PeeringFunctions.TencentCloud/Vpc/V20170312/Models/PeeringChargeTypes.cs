namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>Values of <see cref="CreateVpcPeeringConnectionRequest.ChargeType"/> (cross-region peering is billed to the requester).</summary>
public static class PeeringChargeTypes
{
    /// <summary>Daily peak bandwidth.</summary>
    public const string PostpaidByDayMax = "POSTPAID_BY_DAY_MAX";

    /// <summary>Monthly 95th percentile.</summary>
    public const string PostpaidByMonth95 = "POSTPAID_BY_MONTH_95";
}
