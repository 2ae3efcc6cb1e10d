using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// DescribeVpcPeeringConnections (spec §4.6): PeeringConnectionIds or Filters (vpc-id, state, peering-connection-name),
/// integer Offset/Limit, TotalCount. Both accounts see the same record (Source = initiator).
/// </summary>
internal sealed class DescribeVpcPeeringConnections : ActionHandler
{
    private static readonly HashSet<string> FilterNames = ["vpc-id", "state", "peering-connection-name"];
    private static readonly HashSet<string> OrderFields = ["CreatedTime", "PeeringConnectionName"];
    private static readonly HashSet<string> OrderDirections = ["ASC", "DESC"];

    public override string Name => "DescribeVpcPeeringConnections";

    public override bool IsWrite => false;

    public override int RateLimitPerSecond => 20;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Optional("PeeringConnectionIds", ParamType.StringArray)
        .Optional("Filters", ParamType.FilterArray)
        .Optional("Offset", ParamType.Integer)
        .Optional("Limit", ParamType.Integer)
        .Optional("OrderField", ParamType.String)
        .Optional("OrderDirection", ParamType.String);

    public override JsonObject Execute(ActionContext c)
    {
        var p = c.Parameters;
        FilterSet.RejectCoexistence(p, "PeeringConnectionIds");
        var ids = FilterSet.ReadIds(p, "PeeringConnectionIds", IdFormat.Peering);
        var filters = FilterSet.Parse(p.GetArray("Filters"), FilterNames, c.Errors, c.Options.MaxValuesPerFilter);
        var paging = Paging.FromIntegers(p).CappedFor(c.Options, Name);
        var orderField = CreateVpcPeeringConnection.OneOf(p.GetString("OrderField"), OrderFields, "OrderField");
        var descending = CreateVpcPeeringConnection.OneOf(p.GetString("OrderDirection"), OrderDirections, "OrderDirection") == "DESC";

        IEnumerable<PeeringRecord> matches;
        if (ids.Count > 0)
        {
            matches = ids.Distinct(StringComparer.Ordinal).Select(id => Lookup.Peering(c, id, "PeeringConnectionIds")).ToList();
        }
        else
        {
            // The caller's own list (in creation order) instead of every peering ever made.
            matches = c.Store.PeeringsVisibleTo(c.Caller, c.Region).Where(x => filters.Matches("vpc-id", v => v == x.Source.VpcId || v == x.Destination.VpcId)
                && filters.MatchesExact("state", x.State)
                && filters.MatchesExact("peering-connection-name", x.Name));
        }

        // Default order is creation order, which keeps Offset/Limit paging stable.
        matches = orderField == "PeeringConnectionName"
            ? matches.OrderBy(x => x.Name, StringComparer.Ordinal).ThenBy(x => x.Sequence)
            : matches.OrderBy(x => x.Sequence);
        if (descending)
        {
            matches = matches.Reverse();
        }

        var all = matches.ToList();
        return new JsonObject
        {
            ["TotalCount"] = all.Count,
            ["PeerConnectionSet"] = RenderedJson.Array(paging.Apply(all), (w, x) => Views.Peering(w, x, c.Options)),
        };
    }
}
