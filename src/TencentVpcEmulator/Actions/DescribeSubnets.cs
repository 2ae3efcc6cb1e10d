using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// DescribeSubnets (spec §4.14): SubnetIds or Filters, string Offset/Limit, or the newer MaxResults/NextToken paging.
/// Each subnet carries the RouteTableId it is associated with.
/// </summary>
internal sealed class DescribeSubnets : ActionHandler
{
    private static readonly HashSet<string> FilterNames =
        ["subnet-id", "vpc-id", "cidr-block", "is-default", "is-remote-vpc-snat", "subnet-name", "zone", "tag-key", "tag:", "cdc-id",
            "is-cdc-subnet", "ipv6-cidr-block", "isp-type", "address-type"];

    public override string Name => "DescribeSubnets";

    public override bool IsWrite => false;

    public override int RateLimitPerSecond => 100;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Optional("SubnetIds", ParamType.StringArray)
        .Optional("Filters", ParamType.FilterArray)
        .Optional("Offset", ParamType.NumericString)
        .Optional("Limit", ParamType.NumericString)
        .Optional("MaxResults", ParamType.Integer)
        .Optional("NextToken", ParamType.String);

    public override JsonObject Execute(ActionContext c)
    {
        var p = c.Parameters;
        FilterSet.RejectCoexistence(p, "SubnetIds");
        var ids = FilterSet.ReadIds(p, "SubnetIds", IdFormat.Subnet);
        var filters = FilterSet.Parse(p.GetArray("Filters"), FilterNames, c.Errors, c.Options.MaxValuesPerFilter);
        var tokenPaging = p.Has("MaxResults") || p.Has("NextToken");
        var paging = tokenPaging
            ? Paging.Create(ReadNextToken(p.GetString("NextToken")), p.GetLong("MaxResults"))
            : Paging.FromStrings(p);
        paging = paging.CappedFor(c.Options, Name);

        List<SubnetRecord> subnets;
        if (ids.Count > 0)
        {
            subnets = [.. ids.Distinct(StringComparer.Ordinal).Select(id => Lookup.Subnet(c, id, "SubnetIds"))];
        }
        else
        {
            // Only the caller's VPCs' subnets can match (Owns below): a vpc-id filter, what callers send, narrows it to one.
            IEnumerable<SubnetRecord> candidates = filters.SingleValue("vpc-id") is { } vpcId
                ? c.Store.Vpcs.TryGetValue(vpcId, out var vpc) ? vpc.Subnets : []
                : c.Store.VpcsOwnedBy(c.Caller.Uin, c.Region).SelectMany(v => v.Subnets);
            subnets = [.. candidates
                .Where(s => Lookup.Owns(c, s.Vpc)
                    && filters.MatchesExact("subnet-id", s.SubnetId)
                    && filters.MatchesExact("vpc-id", s.Vpc.VpcId)
                    && filters.MatchesExact("cidr-block", s.CidrBlock)
                    && filters.MatchesBool("is-default", false)
                    && filters.MatchesBool("is-remote-vpc-snat", false)
                    && filters.MatchesExact("subnet-name", s.SubnetName)
                    && filters.MatchesExact("zone", s.Zone)
                    && filters.MatchesExact("cdc-id", "")
                    && filters.MatchesExact("is-cdc-subnet", "0")
                    && filters.MatchesNoIpv6()
                    && filters.MatchesTags([]))
                .OrderBy(s => s.SubnetId, StringComparer.Ordinal)];
        }

        var response = new JsonObject
        {
            ["TotalCount"] = subnets.Count,
            ["SubnetSet"] = RenderedJson.Array(paging.Apply(subnets), Views.Subnet),
        };
        if (tokenPaging && paging.Offset + paging.Limit < subnets.Count)
        {
            response["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((paging.Offset + paging.Limit).ToString(CultureInfo.InvariantCulture)));
        }

        return response;
    }

    /// <summary>Our NextToken is an opaque encoding of the next offset.</summary>
    private static long? ReadNextToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return long.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueMalformed, "The parameter `NextToken` is invalid or expired.");
        }
    }
}
