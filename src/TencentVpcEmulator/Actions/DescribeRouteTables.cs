using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// DescribeRouteTables (spec §4.12): RouteTableIds or Filters, string Offset/Limit, AssociationSet + RouteSet + Main.
/// next-hop-type narrows RouteSet and must come with both route-table-id and vpc-id.
/// </summary>
internal sealed class DescribeRouteTables : ActionHandler
{
    private static readonly HashSet<string> FilterNames =
        ["route-table-id", "route-table-name", "vpc-id", "association.main", "tag-key", "tag:", "visible", "next-hop-type"];

    public override string Name => "DescribeRouteTables";

    public override bool IsWrite => false;

    public override int RateLimitPerSecond => 100;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Optional("Filters", ParamType.FilterArray)
        .Optional("RouteTableIds", ParamType.StringArray)
        .Optional("Offset", ParamType.NumericString)
        .Optional("Limit", ParamType.NumericString)
        .Optional("NeedRouterInfo", ParamType.Boolean);

    public override JsonObject Execute(ActionContext c)
    {
        var p = c.Parameters;
        FilterSet.RejectCoexistence(p, "RouteTableIds");
        var ids = FilterSet.ReadIds(p, "RouteTableIds", IdFormat.RouteTable);
        var filters = FilterSet.Parse(p.GetArray("Filters"), FilterNames, c.Errors, c.Options.MaxValuesPerFilter);
        var paging = Paging.FromStrings(p).CappedFor(c.Options, Name);
        var needRoutes = p.GetBool("NeedRouterInfo") ?? true;

        if (filters.Has("next-hop-type") && !(filters.Has("route-table-id") && filters.Has("vpc-id")))
        {
            throw new ApiException(ErrorCodes.InvalidParameterFilterMissParameter,
                "The filter `next-hop-type` must be combined with both `route-table-id` and `vpc-id`.");
        }

        List<RouteTableRecord> tables;
        if (ids.Count > 0)
        {
            tables = [.. ids.Distinct(StringComparer.Ordinal).Select(id => Lookup.RouteTable(c, id, "RouteTableIds"))];
        }
        else
        {
            // A vpc-id filter (what callers send) narrows the scan to that VPC's tables, and else to the caller's VPCs'.
            IEnumerable<RouteTableRecord> candidates = filters.SingleValue("vpc-id") is { } vpcId
                ? c.Store.Vpcs.TryGetValue(vpcId, out var vpc) ? vpc.RouteTables : []
                : c.Store.VpcsOwnedBy(c.Caller.Uin, c.Region).SelectMany(v => v.RouteTables);
            tables = [.. candidates
                .Where(t => Lookup.Owns(c, t.Vpc)
                    && filters.MatchesExact("route-table-id", t.RouteTableId)
                    && filters.MatchesExact("route-table-name", t.RouteTableName)
                    && filters.MatchesExact("vpc-id", t.Vpc.VpcId)
                    && filters.MatchesBool("association.main", t.Main)
                    && filters.MatchesBool("visible", true) // every table the caller owns is visible to it
                    && filters.MatchesTags([])
                    && (!filters.Has("next-hop-type") || t.Routes.Any(r => filters.MatchesExact("next-hop-type", r.GatewayType))))
                .OrderBy(t => t.RouteTableId, StringComparer.Ordinal)];
        }

        return new JsonObject
        {
            ["TotalCount"] = tables.Count,
            ["RouteTableSet"] = RenderedJson.Array(paging.Apply(tables), (w, t) => Views.RouteTable(w, t,
                needRoutes ? t.Routes.Where(r => filters.MatchesExact("next-hop-type", r.GatewayType)) : [])),
        };
    }
}
