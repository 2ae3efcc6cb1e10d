using System.Text.Json.Nodes;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.Testing.Builders;

/// <summary>Bodies for POST /api/peerings, as JSON a test can still bend into a bad request.</summary>
public static class PeeringRequests
{
    /// <summary>alpha ap-guangzhou ↔ beta ap-guangzhou: same region, different accounts.</summary>
    public static JsonObject SameRegion() => new()
    {
        ["name"] = "same region",
        ["initiator"] = Side(Alpha, Guangzhou, AlphaVpc, AlphaPeeringTable, AlphaWebSubnet),
        ["receiver"] = Side(Beta, Guangzhou, BetaGzVpc, BetaGzMainTable, BetaGzSubnet),
    };

    /// <summary>
    /// alpha ap-guangzhou (rtb-alphapcx, subnet-alphaweb) ↔ beta ap-shanghai (rtb-betapcx1, subnet-betaapp1), with the
    /// cross-region bandwidth and charge type: the demo seed's cross-account, cross-region pair.
    /// </summary>
    public static JsonObject CrossRegion(string name = "cross region") => Peering(
        name,
        Side(Alpha, Guangzhou, AlphaVpc, AlphaPeeringTable, AlphaWebSubnet),
        Side(Beta, Shanghai, BetaVpc, BetaPeeringTable, BetaAppSubnet),
        crossRegion: true);

    /// <summary>
    /// The same pair as <see cref="CrossRegion"/> as the portal's form sends it: the bandwidth cap a peering across
    /// regions needs, no charge type, an acceptance timeout.
    /// </summary>
    public static JsonObject AlphaToBeta(string name = "alpha-to-beta", string timeout = "PT1H")
    {
        var body = Peering(
            name,
            Side(Alpha, Guangzhou, AlphaVpc, AlphaPeeringTable, AlphaWebSubnet),
            Side(Beta, Shanghai, BetaVpc, BetaPeeringTable, BetaAppSubnet),
            crossRegion: false);
        body["bandwidthMbps"] = 10;
        body["acceptanceTimeout"] = timeout;
        return body;
    }

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

    /// <summary>A body of two sides; cross-region ones carry the bandwidth and charge type Tencent requires.</summary>
    public static JsonObject Peering(string name, JsonObject initiator, JsonObject receiver, bool crossRegion)
    {
        var body = new JsonObject { ["name"] = name, ["initiator"] = initiator, ["receiver"] = receiver };
        if (crossRegion)
        {
            body["bandwidthMbps"] = 20;
            body["chargeType"] = "POSTPAID_BY_DAY_MAX";
        }

        return body;
    }

    public static JsonObject With(this JsonObject body, Action<JsonObject> change)
    {
        var copy = (JsonObject)body.DeepClone();
        change(copy);
        return copy;
    }
}
