using System.Text.RegularExpressions;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Peerings.Topologies;

/// <summary>
/// Turns a topology body into a <see cref="TopologyRequest"/>, or into every field and rule it breaks — checks that
/// need no Tencent call, including "more pairs for one VPC than Tencent's peering quota allows", which the shape alone
/// decides. Each member is checked by the same rules as a peering request's side.
/// </summary>
public static partial class TopologyRequestValidator
{
    public const int MaxMembers = 50;

    public static (TopologyRequest? Request, IReadOnlyList<FieldProblem> Problems) Validate(
        TopologyRequestBody body, Func<string, bool> isManagedAccount, TencentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<FieldProblem>();
        void Fail(string field, string rule) => problems.Add(new FieldProblem(field, rule));

        if (string.IsNullOrEmpty(body.Name))
        {
            Fail("name", "is required");
        }
        else if (!NamePattern().IsMatch(body.Name))
        {
            Fail("name", "must be 2 to 40 lower-case letters, digits or '-', starting with a letter or digit (the topology's id is topology-<name>)");
        }

        if (string.IsNullOrEmpty(body.Shape))
        {
            Fail("shape", $"is required: one of {string.Join(", ", TopologyShapes.All)}");
        }
        else if (!TopologyShapes.All.Contains(body.Shape, StringComparer.Ordinal))
        {
            Fail("shape", $"'{Shorten(body.Shape)}' is not a shape: one of {string.Join(", ", TopologyShapes.All)}");
        }

        var members = ValidateMembers(body.Members ?? [], isManagedAccount, Fail);
        var vpcIds = (body.Members ?? []).Select(m => m?.VpcId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (body.Shape == TopologyShapes.HubAndSpoke)
        {
            if (body.Hub is null)
            {
                Fail("hub", "is required for a hub-and-spoke: the VPC id of one of the members");
            }
            else if (!vpcIds.Contains(body.Hub))
            {
                Fail("hub", $"'{Shorten(body.Hub)}' is not one of the members' VPCs");
            }
        }
        else if (body.Hub is not null && body.Shape == TopologyShapes.Mesh)
        {
            Fail("hub", "is only for a hub-and-spoke; a mesh has none");
        }

        var excluded = new List<VpcPair>();
        var givenPairs = body.ExcludedPairs ?? [];
        for (var i = 0; i < givenPairs.Count; i++)
        {
            var pair = givenPairs[i];
            if (pair is not { Count: 2 } || pair[0] == pair[1])
            {
                Fail($"excludedPairs[{i}]", "must be two different member VPC ids");
            }
            else if (pair.FirstOrDefault(v => !vpcIds.Contains(v)) is { } unknown)
            {
                Fail($"excludedPairs[{i}]", $"'{Shorten(unknown)}' is not one of the members' VPCs");
            }
            else
            {
                excluded.Add(new VpcPair(pair[0], pair[1]));
            }
        }

        if (body.BandwidthMbps is { } bandwidth && bandwidth is < 1 or > TencentLimits.MaxCrossRegionBandwidthMbps)
        {
            Fail("bandwidthMbps", $"must be between 1 and {TencentLimits.MaxCrossRegionBandwidthMbps}");
        }

        if (body.ChargeType is { } chargeType && !PeeringRequestValidator.ChargeTypes.Contains(chargeType, StringComparer.Ordinal))
        {
            Fail("chargeType", $"must be one of {string.Join(", ", PeeringRequestValidator.ChargeTypes)}");
        }

        TimeSpan? timeout = null;
        if (body.AcceptanceTimeout is { } timeoutText)
        {
            timeout = PeeringRequestValidator.ParseDuration(timeoutText);
            if (timeout is null)
            {
                Fail("acceptanceTimeout", "must be an ISO 8601 duration such as P2D or PT12H");
            }
            else if (timeout < TimeSpan.FromMinutes(1) || timeout > PeeringRequest.MaximumAcceptanceTimeout)
            {
                Fail("acceptanceTimeout", "must be between PT1M and P7D (Tencent expires requests after 7 days)");
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var crossRegion = body.BandwidthMbps is null && body.ChargeType is null ? null : new CrossRegionOptions(body.BandwidthMbps, body.ChargeType);
        var request = new TopologyRequest(body.Name!, body.Shape!, body.Hub, members!, crossRegion, timeout, excluded);
        CheckPairs(request, limits, Fail);
        return problems.Count > 0 ? (null, problems) : (request, problems);
    }

    /// <summary>
    /// A member added to an existing topology: the same rules as a member of a new one, a VPC not already in it, and
    /// the shape's pairs with it still inside the peering quota. The new member is a spoke of a hub-and-spoke.
    /// </summary>
    public static (TopologyRequest? Request, IReadOnlyList<FieldProblem> Problems) ValidateAddition(
        TopologyRequest topology, SideBody? member, Func<string, bool> isManagedAccount, TencentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(limits);
        var problems = new List<FieldProblem>();
        void Fail(string field, string rule) => problems.Add(new FieldProblem(field, rule));

        if (member?.VpcId is { } vpcId && topology.Members.Any(m => m.VpcId == vpcId))
        {
            Fail("member.vpcId", $"'{Shorten(vpcId)}' is a member of the topology already");
        }

        if (member is { DestinationCidrs.Count: > 0 })
        {
            Fail("member.destinationCidrs", "is not allowed in a topology: each pair routes the peer VPC's primary CIDR");
        }

        var side = PeeringRequestValidator.ValidateSide(member, "member", isManagedAccount, Fail, allowExternal: false);
        if (side is null || problems.Count > 0)
        {
            return (null, problems);
        }

        var extended = topology with { Members = [.. topology.Members, side] };
        CheckPairs(extended, limits, Fail);
        return problems.Count > 0 ? (null, problems) : (extended, problems);
    }

    private static List<PeeringSide>? ValidateMembers(List<SideBody> bodies, Func<string, bool> isManagedAccount, Action<string, string> fail)
    {
        if (bodies.Count < 2)
        {
            fail("members", "must list at least two VPCs");
        }
        else if (bodies.Count > MaxMembers)
        {
            fail("members", $"may list at most {MaxMembers} VPCs");
        }

        var members = new List<PeeringSide>();
        var failed = false;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < bodies.Count; i++)
        {
            var prefix = $"members[{i}]";
            var body = bodies[i];
            if (body?.VpcId is { } vpcId && !seen.TryAdd(vpcId, i))
            {
                fail($"{prefix}.vpcId", $"'{Shorten(vpcId)}' is listed twice (also members[{seen[vpcId]}])");
                failed = true;
            }

            if (body is { DestinationCidrs.Count: > 0 })
            {
                // Each pair routes its peer's primary CIDR: one list for all of a member's pairs would route them all alike.
                fail($"{prefix}.destinationCidrs", "is not allowed in a topology: each pair routes the peer VPC's primary CIDR");
                failed = true;
            }

            var side = PeeringRequestValidator.ValidateSide(body, prefix, isManagedAccount, fail, allowExternal: false);
            if (side is null)
            {
                failed = true;
            }
            else
            {
                members.Add(side);
            }
        }

        return failed || bodies.Count < 2 ? null : members;
    }

    /// <summary>What the shape alone rules out: too many pairs for one VPC, and pairs across regions without a bandwidth cap.</summary>
    private static void CheckPairs(TopologyRequest request, TencentLimits limits, Action<string, string> fail)
    {
        var pairs = TopologyPlanner.PairsOf(request);
        if (pairs.Count == 0)
        {
            fail("excludedPairs", "leave no pair to peer");
        }

        var across = pairs.Where(p => p.Initiator.Region != p.Receiver.Region).Select(p => $"{p.Initiator.Region} to {p.Receiver.Region}").FirstOrDefault();
        if (request.CrossRegion?.BandwidthMbps is null && across is not null)
        {
            fail("bandwidthMbps", $"is required: the topology has pairs across regions ({across}), and Tencent refuses one without a cap " +
                $"(1 to {TencentLimits.MaxCrossRegionBandwidthMbps} Mbps)");
        }

        foreach (var problem in QuotaProblems(request, limits))
        {
            fail(problem.Field, problem.Rule);
        }
    }

    /// <summary>Pairs per VPC the shape asks for, against Tencent's quota (existing peerings are planning's to count).</summary>
    private static IEnumerable<FieldProblem> QuotaProblems(TopologyRequest request, TencentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var pairs = TopologyPlanner.PairsOf(request);
        for (var i = 0; i < request.Members.Count; i++)
        {
            var vpc = request.Members[i].VpcId;
            var count = pairs.Count(p => p.Initiator.VpcId == vpc || p.Receiver.VpcId == vpc);
            if (count > limits.LivePeeringsPerVpc)
            {
                yield return new FieldProblem($"members[{i}]", $"{vpc} would be in {count} peerings; Tencent allows {limits.LivePeeringsPerVpc} per VPC. " +
                    "Use fewer members, a hub-and-spoke, or excludedPairs.");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}\\z")]
    private static partial Regex NamePattern();
}
