using System.Text.Json.Nodes;
using static PeeringFunctions.IntegrationTests.Support.DemoIds;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>Bodies for POST /api/peerings, as JSON a test can still bend into a bad request.</summary>
internal static class PeeringRequests
{
    /// <summary>alpha ap-guangzhou ↔ beta ap-guangzhou: same region, different accounts.</summary>
    public static JsonObject SameRegion() => new()
    {
        ["name"] = "same region",
        ["initiator"] = Side(Alpha, Guangzhou, AlphaVpc, AlphaPeeringTable, AlphaWebSubnet),
        ["receiver"] = Side(Beta, Guangzhou, BetaGzVpc, BetaGzMainTable, BetaGzSubnet),
    };

    /// <summary>alpha ap-guangzhou ↔ beta ap-shanghai, with the cross-region bandwidth and charge type.</summary>
    public static JsonObject CrossRegion() => new()
    {
        ["name"] = "cross region",
        ["initiator"] = Side(Alpha, Guangzhou, AlphaVpc, AlphaPeeringTable, AlphaWebSubnet),
        ["receiver"] = Side(Beta, Shanghai, BetaVpc, BetaPeeringTable, BetaAppSubnet),
        ["bandwidthMbps"] = 20,
        ["chargeType"] = "POSTPAID_BY_DAY_MAX",
    };

    /// <summary>beta ap-shanghai ↔ beta ap-guangzhou: one account, so Tencent makes the peering ACTIVE at once.</summary>
    public static JsonObject SameAccount() => new()
    {
        ["name"] = "same account",
        ["initiator"] = Side(Beta, Shanghai, BetaVpc, BetaPeeringTable, BetaAppSubnet),
        ["receiver"] = Side(Beta, Guangzhou, BetaGzVpc, BetaGzMainTable, BetaGzSubnet),
        ["bandwidthMbps"] = 10,
        ["chargeType"] = "POSTPAID_BY_DAY_MAX",
    };

    /// <summary>alpha ↔ beta's vpc-betagz01 named only by beta's UIN: beta accepts in its own account.</summary>
    public static JsonObject ExternalReceiver() => new()
    {
        ["name"] = "external receiver",
        ["initiator"] = new JsonObject
        {
            ["account"] = Alpha,
            ["region"] = Guangzhou,
            ["vpcId"] = AlphaVpc,
            ["routeTableId"] = AlphaPeeringTable,
            ["subnetIds"] = new JsonArray(AlphaWebSubnet),
            ["destinationCidrs"] = new JsonArray(BetaGzCidr),
        },
        ["receiver"] = new JsonObject { ["uin"] = BetaUin, ["region"] = Guangzhou, ["vpcId"] = BetaGzVpc },
    };

    public static JsonObject Side(string account, string region, string vpcId, string? routeTableId = null, params string[] subnetIds)
    {
        var side = new JsonObject { ["account"] = account, ["region"] = region, ["vpcId"] = vpcId };
        if (routeTableId is not null)
        {
            side["routeTableId"] = routeTableId;
        }

        if (subnetIds.Length > 0)
        {
            side["subnetIds"] = new JsonArray([.. subnetIds.Select(s => (JsonNode?)JsonValue.Create(s))]);
        }

        return side;
    }

    public static JsonObject With(this JsonObject body, Action<JsonObject> change)
    {
        var copy = (JsonObject)body.DeepClone();
        change(copy);
        return copy;
    }
}
