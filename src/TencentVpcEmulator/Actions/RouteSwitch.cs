using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// EnableRoutes and DisableRoutes (spec §4.8): the routes of one table, named by RouteIds or by RouteItemIds (not
/// both, at most 100), get Enabled set. All or nothing; a route already in the wanted state is no error.
/// </summary>
internal abstract class RouteSwitch : ActionHandler
{
    public override bool IsWrite => true;

    /// <summary>Not documented for these two; the route actions' 100 req/s.</summary>
    public override int RateLimitPerSecond => 100;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("RouteTableId", ParamType.String)
        .Optional("RouteIds", ParamType.IntegerArray)
        .Optional("RouteItemIds", ParamType.StringArray);

    /// <summary>The Enabled flag the named routes end with.</summary>
    protected abstract bool Enable { get; }

    /// <summary>EnableRoutes lists InvalidParameterValue.Duplicate for an id given twice; DisableRoutes does not.</summary>
    protected abstract bool RefusesRepeatedIds { get; }

    public override JsonObject Execute(ActionContext c)
    {
        var p = c.Parameters;
        var table = Lookup.RouteTable(c, p.GetString("RouteTableId"), "RouteTableId");
        var routeIds = p.GetLongs("RouteIds") ?? [];
        var itemIds = p.GetStrings("RouteItemIds") ?? [];
        if (routeIds.Count > 0 && itemIds.Count > 0)
        {
            throw new ApiException(ErrorCodes.InvalidParameterCoexist, "The parameters `RouteIds` and `RouteItemIds` cannot be specified at the same time.");
        }

        var (name, count) = routeIds.Count > 0 ? ("RouteIds", routeIds.Count) : ("RouteItemIds", itemIds.Count);
        if (count == 0)
        {
            throw new ApiException(ErrorCodes.MissingParameter, "The request is missing a required parameter `RouteIds` or `RouteItemIds`.");
        }

        if (count > Paging.MaxLimit)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueLimitExceeded, $"At most {Paging.MaxLimit} values may be passed in `{name}`.");
        }

        var routes = routeIds.Count > 0
            ? routeIds.Select((id, i) => Find(table, r => r.RouteId == id, id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"RouteIds.{i}"))
            : itemIds.Select((id, i) => FindItem(table, id, $"RouteItemIds.{i}"));
        var named = routes.ToList();
        if (RefusesRepeatedIds && named.Distinct().Count() != named.Count)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueDuplicate, $"`{name}` names a route more than once.");
        }

        foreach (var route in named)
        {
            route.Enabled = Enable;
        }

        return new JsonObject();
    }

    private static RouteRecord FindItem(RouteTableRecord table, string id, string path)
    {
        IdFormat.Require(IdFormat.RouteItem, id, path);
        return Find(table, r => r.RouteItemId == id, id, path);
    }

    private static RouteRecord Find(RouteTableRecord table, Func<RouteRecord, bool> match, string id, string path)
    {
        var route = table.Routes.FirstOrDefault(match)
            ?? throw new ApiException(ErrorCodes.ResourceNotFound, $"The route `{id}` given in `{path}` does not exist in `{table.RouteTableId}`.");
        return route.RouteType == "USER"
            ? route
            : throw new ApiException(ErrorCodes.UnsupportedOperationSystemRoute, $"The route `{route.RouteItemId}` is a system route.");
    }
}
