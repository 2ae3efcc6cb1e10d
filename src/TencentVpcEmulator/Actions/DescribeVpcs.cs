using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>DescribeVpcs (spec §4.15): VpcIds or Filters (vpc-id, vpc-name fuzzy, cidr-block, …), string Offset/Limit, AssistantCidrSet.</summary>
internal sealed class DescribeVpcs : ActionHandler
{
    private static readonly HashSet<string> FilterNames =
        ["vpc-id", "vpc-name", "cidr-block", "is-default", "tag-key", "tag:", "ipv6-cidr-block", "isp-type", "address-type"];

    public override string Name => "DescribeVpcs";

    public override bool IsWrite => false;

    public override int RateLimitPerSecond => 100;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Optional("VpcIds", ParamType.StringArray)
        .Optional("Filters", ParamType.FilterArray)
        .Optional("Offset", ParamType.NumericString)
        .Optional("Limit", ParamType.NumericString);

    public override JsonObject Execute(ActionContext c)
    {
        var p = c.Parameters;
        FilterSet.RejectCoexistence(p, "VpcIds");
        var ids = FilterSet.ReadIds(p, "VpcIds", IdFormat.Vpc);
        var filters = FilterSet.Parse(p.GetArray("Filters"), FilterNames, c.Errors, c.Options.MaxValuesPerFilter);
        var paging = Paging.FromStrings(p).CappedFor(c.Options, Name);

        List<VpcRecord> vpcs;
        if (ids.Count > 0)
        {
            vpcs = [.. ids.Distinct(StringComparer.Ordinal).Select(id => Lookup.Vpc(c, id, "VpcIds"))];
        }
        else
        {
            // Only the caller's VPCs in this region can match (Owns below), so the scan starts from them.
            vpcs = [.. c.Store.VpcsOwnedBy(c.Caller.Uin, c.Region)
                .Where(v => Lookup.Owns(c, v)
                    && filters.MatchesExact("vpc-id", v.VpcId)
                    && filters.Matches("vpc-name", name => v.VpcName.Contains(name, StringComparison.Ordinal))
                    && filters.MatchesExact("cidr-block", v.CidrBlock)
                    && filters.MatchesBool("is-default", false)
                    && filters.MatchesNoIpv6()
                    && filters.MatchesTags([]))
                .OrderBy(v => v.VpcId, StringComparer.Ordinal)];
        }

        return new JsonObject
        {
            ["TotalCount"] = vpcs.Count,
            ["VpcSet"] = RenderedJson.Array(paging.Apply(vpcs), Views.Vpc),
        };
    }
}
