using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// DeleteRoutes (spec §4.10): each route is named by RouteId or RouteItemId (both must agree when given).
/// All or nothing; returns the deleted routes in RouteSet.
/// </summary>
internal sealed class DeleteRoutes : ActionHandler
{
    public override string Name => "DeleteRoutes";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 50;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("RouteTableId", ParamType.String)
        .Optional("Routes", ParamType.ObjectArray);

    public override JsonObject Execute(ActionContext c)
    {
        var table = Lookup.RouteTable(c, c.Parameters.GetString("RouteTableId"), "RouteTableId");
        var inputs = RouteInput.ReadAll(c.Parameters.GetArray("Routes"), c.Errors);
        if (inputs.Count == 0)
        {
            // The definition marks Routes optional but documents no meaning for omitting it; refuse rather than guess.
            throw RequestParameters.Missing(c.Errors, "Routes");
        }

        var doomed = new List<RouteRecord>();
        foreach (var input in inputs)
        {
            if (input.RouteItemId is not null)
            {
                IdFormat.Require(IdFormat.RouteItem, input.RouteItemId, $"{input.Path}.RouteItemId");
            }
            else if (input.RouteId is null)
            {
                throw RouteInput.Missing(c.Errors, input.Path, "RouteId");
            }

            var route = table.Routes.FirstOrDefault(r =>
                (input.RouteItemId is null || r.RouteItemId == input.RouteItemId) && (input.RouteId is null || r.RouteId == input.RouteId));
            if (route is null)
            {
                throw new ApiException(ErrorCodes.ResourceNotFound,
                    $"The route `{input.RouteItemId ?? input.RouteId.ToString()}` given in `{input.Path}` does not exist in `{table.RouteTableId}`.");
            }

            if (route.RouteType != "USER")
            {
                throw new ApiException(ErrorCodes.UnsupportedOperationSystemRoute, $"The route `{route.RouteItemId}` is a system route.");
            }

            if (!doomed.Contains(route))
            {
                doomed.Add(route);
            }
        }

        table.Routes.RemoveAll(doomed.Contains);
        return new JsonObject { ["RouteSet"] = RenderedJson.Array(doomed, Views.Route) };
    }
}
