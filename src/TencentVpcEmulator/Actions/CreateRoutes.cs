using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// CreateRoutes (spec §4.9, §8): validates the whole batch first, then adds it (all or nothing, within the table's
/// route quota), and returns only the new routes in RouteTableSet[0].RouteSet.
/// </summary>
internal sealed class CreateRoutes : ActionHandler
{
    public override string Name => "CreateRoutes";

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

        var accepted = new List<(string Destination, string Type, string Gateway)>();
        foreach (var input in inputs)
        {
            var route = RouteRules.Validate(c, table, input, ErrorCodes.InvalidParameterValueRouteNextHopInvalid);
            RouteRules.CheckAgainst(table.Routes.Select(r => (r.DestinationCidrBlock, r.GatewayType, r.GatewayId)), route, input.Path, ErrorCodes.UnsupportedOperationEcmpWithUserRoute);
            RouteRules.CheckAgainst(accepted, route, input.Path, ErrorCodes.UnsupportedOperationEcmpWithUserRoute);
            accepted.Add(route);
        }

        // Counted after validation, so a bad route is reported as such; either way the whole batch is refused.
        var quota = c.Options.MaxRoutesPerRouteTable;
        if (table.Routes.Count + accepted.Count > quota)
        {
            throw new ApiException(ErrorCodes.LimitExceeded,
                $"Route table `{table.RouteTableId}` holds {table.Routes.Count} of its {quota} route entries; {accepted.Count} more would exceed its quota.");
        }

        var created = new List<RouteRecord>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var route = new RouteRecord
            {
                RouteId = table.NextRouteId++,
                RouteItemId = c.Store.NewId(IdFormat.RouteItem),
                RouteTableId = table.RouteTableId,
                DestinationCidrBlock = accepted[i].Destination,
                GatewayType = accepted[i].Type,
                GatewayId = accepted[i].Gateway,
                RouteDescription = inputs[i].RouteDescription ?? "",
                Enabled = inputs[i].Enabled ?? true,
                CreatedAt = c.Now,
            };
            table.Routes.Add(route);
            created.Add(route);
        }

        return new JsonObject
        {
            ["TotalCount"] = created.Count,
            ["RouteTableSet"] = RenderedJson.Array([table], (w, t) => Views.RouteTable(w, t, created)),
        };
    }
}
