using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// ReplaceRoutes (spec §4.11): each element names an existing USER route (RouteItemId or RouteId) and gives its new
/// destination, next hop and description. The route keeps its ids and Enabled flag (EnableRoutes/DisableRoutes own
/// that) and gets a new CreatedTime, as the official example shows. The batch is checked whole, then applied (all or
/// nothing). Codes come from ReplaceRoutes' own list, which differs from CreateRoutes': a route that is not there is
/// UnsupportedOperation.RecordNotExists, a bad next hop plain InvalidParameterValue, ECMP UnsupportedOperation.Ecmp.
/// </summary>
internal sealed class ReplaceRoutes : ActionHandler
{
    public override string Name => "ReplaceRoutes";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 100;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("RouteTableId", ParamType.String)
        .Required("Routes", ParamType.ObjectArray);

    public override JsonObject Execute(ActionContext c)
    {
        var table = Lookup.RouteTable(c, c.Parameters.GetString("RouteTableId"), "RouteTableId");
        var inputs = RouteInput.ReadAll(c.Parameters.GetArray("Routes"), c.Errors);
        if (inputs.Count == 0)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, "The parameter `Routes` must contain at least one route.");
        }

        var replacements = new List<(RouteRecord Old, RouteRecord New)>();
        foreach (var input in inputs)
        {
            var old = Find(c.Errors, table, input);
            if (replacements.Any(r => ReferenceEquals(r.Old, old)))
            {
                throw new ApiException(ErrorCodes.InvalidParameterValueDuplicate, $"`{input.Path}` names the route `{old.RouteItemId}` a second time.");
            }

            var (destination, type, gateway) = RouteRules.Validate(c, table, input, ErrorCodes.InvalidParameterValue);
            var replaced = replacements.Select(r => r.Old).Append(old).ToHashSet();
            var others = table.Routes.Where(r => !replaced.Contains(r)).Select(r => (r.DestinationCidrBlock, r.GatewayType, r.GatewayId))
                .Concat(replacements.Select(r => (r.New.DestinationCidrBlock, r.New.GatewayType, r.New.GatewayId)));
            RouteRules.CheckAgainst(others, (destination, type, gateway), input.Path, ErrorCodes.UnsupportedOperationEcmp);

            replacements.Add((old, new RouteRecord
            {
                RouteId = old.RouteId,
                RouteItemId = old.RouteItemId,
                RouteTableId = table.RouteTableId,
                DestinationCidrBlock = destination,
                GatewayType = type,
                GatewayId = gateway,
                RouteDescription = input.RouteDescription ?? "",
                Enabled = old.Enabled,
                CreatedAt = c.Now,
            }));
        }

        foreach (var (old, replacement) in replacements)
        {
            table.Routes[table.Routes.IndexOf(old)] = replacement;
        }

        return new JsonObject
        {
            ["OldRouteSet"] = RenderedJson.Array(replacements.Select(r => r.Old), Views.Route),
            ["NewRouteSet"] = RenderedJson.Array(replacements.Select(r => r.New), Views.Route),
        };
    }

    /// <summary>The route the element names, by RouteItemId or RouteId (both must agree when both are given).</summary>
    private static RouteRecord Find(ActionErrors errors, RouteTableRecord table, RouteInput input)
    {
        if (input.RouteItemId is not null)
        {
            IdFormat.Require(IdFormat.RouteItem, input.RouteItemId, $"{input.Path}.RouteItemId");
        }
        else if (input.RouteId is null)
        {
            throw RouteInput.Missing(errors, input.Path, "RouteId");
        }

        var route = table.Routes.FirstOrDefault(r =>
            (input.RouteItemId is null || r.RouteItemId == input.RouteItemId) && (input.RouteId is null || r.RouteId == input.RouteId));
        if (route is null)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationRecordNotExists,
                $"The route `{input.RouteItemId ?? input.RouteId.ToString()}` given in `{input.Path}` does not exist in `{table.RouteTableId}`.");
        }

        if (route.RouteType != "USER")
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationSystemRoute, $"The route `{route.RouteItemId}` is a system route.");
        }

        return route;
    }
}
