using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;

namespace TencentVpcEmulator.Actions;

/// <summary>One element of a Routes array, read with the Route model's field names (spec §4.8).</summary>
internal sealed record RouteInput(
    string Path,
    string? DestinationCidrBlock,
    string? GatewayType,
    string? GatewayId,
    string? RouteDescription,
    bool? Enabled,
    long? RouteId,
    string? RouteItemId)
{
    /// <summary>Every field of the Route model; the official SDKs may send any of them.</summary>
    private static readonly HashSet<string> KnownFields =
    [
        "DestinationCidrBlock", "GatewayType", "GatewayId", "RouteId", "RouteDescription", "Enabled", "RouteType",
        "RouteTableId", "DestinationIpv6CidrBlock", "RouteItemId", "PublishedToVbc", "CreatedTime", "CdcId",
        "NetworkAccountType",
    ];

    public static List<RouteInput> ReadAll(JsonArray? routes, ActionErrors errors)
    {
        var result = new List<RouteInput>();
        for (var i = 0; i < (routes?.Count ?? 0); i++)
        {
            var path = $"Routes.{i}";
            var item = (JsonObject)routes![i]!;
            foreach (var (field, _) in item)
            {
                if (!KnownFields.Contains(field))
                {
                    throw RequestParameters.Unknown(errors, $"{path}.{field}");
                }
            }

            result.Add(new RouteInput(
                path,
                RequestParameters.ReadString(item, "DestinationCidrBlock", path, errors),
                RequestParameters.ReadString(item, "GatewayType", path, errors),
                RequestParameters.ReadString(item, "GatewayId", path, errors),
                RequestParameters.ReadString(item, "RouteDescription", path, errors),
                RequestParameters.ReadBool(item, "Enabled", path, errors),
                RequestParameters.ReadLong(item, "RouteId", path, errors),
                RequestParameters.ReadString(item, "RouteItemId", path, errors)));
        }

        return result;
    }

    public static ApiException Missing(ActionErrors errors, string path, string field) => RequestParameters.Missing(errors, $"{path}.{field}");
}
