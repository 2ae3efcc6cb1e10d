using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>What one check found on a peering, and the CIDRs it now accepts per VPC (see <see cref="PeeringHealth.KnownVpcCidrs"/>).</summary>
public sealed record DriftCheck(IReadOnlyList<DriftFinding> Findings, IReadOnlyDictionary<string, IReadOnlyList<string>> KnownVpcCidrs);

/// <summary>
/// Compares a registry record with what Tencent shows (pure: no calls, no clock). Only managed sides are checked; an
/// external receiver's VPC cannot be read with our accounts, so the initiator's routes toward it are checked for
/// presence, Enabled and next hop, never against its CIDRs.
/// </summary>
public static class DriftDetector
{
    /// <param name="known">The CIDRs accepted at earlier checks, per VPC id (null at the first check).</param>
    public static DriftCheck Detect(
        RegisteredPeering record, WatchedFacts facts, IReadOnlyDictionary<string, IReadOnlyList<string>>? known, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(facts);
        var findings = new List<DriftFinding>();
        var knownNow = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var pcx = record.PeeringConnectionId ?? "";

        if (!facts.Peerings.TryGetValue(pcx, out var peering) || peering.State != PeeringConnectionStates.Active)
        {
            // Tencent removes a deleted peering's routes itself: the routes' absence is not news beside this.
            var seenBy = record.Initiator.IsManaged ? record.Initiator.Account : record.Receiver.Account;
            findings.Add(Finding(DriftKinds.PeeringGone, FindingSides.Peering, pcx, peering is null
                ? $"Peering connection {pcx} is no longer visible to {seenBy}: it was deleted on Tencent."
                : $"Peering connection {pcx} is {peering.State} on Tencent, no longer ACTIVE.", now));
            return new DriftCheck(findings, known ?? knownNow);
        }

        foreach (var (side, other, name, otherName) in new[]
                 {
                     (record.Initiator, record.Receiver, FindingSides.Initiator, FindingSides.Receiver),
                     (record.Receiver, record.Initiator, FindingSides.Receiver, FindingSides.Initiator),
                 })
        {
            if (!side.IsManaged)
            {
                continue;
            }

            CheckRoutes(side, name, pcx, facts, now, findings);
            CheckSubnets(side, name, facts, now, findings);
            if (other.IsManaged && facts.Vpcs.TryGetValue(other.VpcId, out var otherVpc))
            {
                knownNow[otherVpc.VpcId] = CheckCidrs(side, otherName, otherVpc, known?.GetValueOrDefault(otherVpc.VpcId), now, findings);
            }
        }

        return new DriftCheck(findings, knownNow);
    }

    private static void CheckRoutes(RegisteredSide side, string name, string pcx, WatchedFacts facts, DateTimeOffset now, List<DriftFinding> findings)
    {
        if (side.RouteTableId is not { } tableId)
        {
            return;
        }

        var where = $"route table {tableId} of {side.VpcId} ({side.Account})";
        if (!facts.RouteTables.TryGetValue(tableId, out var table))
        {
            foreach (var destination in side.Destinations)
            {
                findings.Add(Finding(DriftKinds.RouteMissing, name, destination,
                    $"The route to {destination} through {pcx} is gone: {where} no longer exists.", now));
            }

            return;
        }

        foreach (var destination in side.Destinations)
        {
            var routes = table.Routes.Where(r => r.DestinationCidrBlock == destination).ToList();
            var ours = routes.Where(r => r.IsVia(pcx)).ToList();
            if (ours.Count > 0)
            {
                if (!ours.Any(r => r.Enabled))
                {
                    findings.Add(Finding(DriftKinds.RouteDisabled, name, destination,
                        $"The route to {destination} through {pcx} in {where} is disabled ({RouteName(ours[0])}).", now));
                }
            }
            else if (routes.FirstOrDefault() is { } elsewhere)
            {
                findings.Add(Finding(DriftKinds.RouteRedirected, name, destination,
                    $"The route to {destination} in {where} now goes to {elsewhere.GatewayType} {elsewhere.GatewayId}, not {pcx}: " +
                    "someone changed it, so it is reported and never put back.", now));
            }
            else
            {
                findings.Add(Finding(DriftKinds.RouteMissing, name, destination,
                    $"The route to {destination} through {pcx} is missing from {where}.", now));
            }
        }
    }

    private static void CheckSubnets(RegisteredSide side, string name, WatchedFacts facts, DateTimeOffset now, List<DriftFinding> findings)
    {
        foreach (var association in side.AssociationChanges)
        {
            // A subnet deleted since has nothing to move back: not a finding.
            if (facts.Subnets.TryGetValue(association.SubnetId, out var subnet) && subnet.RouteTableId != association.RouteTableId)
            {
                var whereNow = subnet.RouteTableId == association.PreviousRouteTableId ? "back on its previous route table" : "now on route table";
                findings.Add(Finding(DriftKinds.SubnetMoved, name, association.SubnetId,
                    $"Subnet {association.SubnetId} of {side.VpcId} is {whereNow} {subnet.RouteTableId}, no longer on {association.RouteTableId} " +
                    "with the peering's routes.", now));
            }
        }

        // An adopted peering's subnets were on the routed table when it was adopted: they should stay there too.
        foreach (var subnetId in side.KeptSubnetIds ?? [])
        {
            if (side.RouteTableId is { } tableId && facts.Subnets.TryGetValue(subnetId, out var subnet) && subnet.RouteTableId != tableId
                && !side.AssociationChanges.Any(a => a.SubnetId == subnetId))
            {
                findings.Add(Finding(DriftKinds.SubnetMoved, name, subnetId,
                    $"Subnet {subnetId} of {side.VpcId} is now on route table {subnet.RouteTableId}, no longer on {tableId} " +
                    "with the peering's routes.", now));
            }
        }
    }

    /// <param name="vpcSide">The side whose VPC gained or lost a CIDR: a CIDR finding names it, and the repair routes
    /// from the other side's table (RepairTargets.SideOf).</param>
    /// <returns>The other VPC's CIDRs this side now accepts: those accepted before that it still has, plus those the
    /// routes cover (at the first check: all of them).</returns>
    private static IReadOnlyList<string> CheckCidrs(
        RegisteredSide side, string vpcSide, VpcFacts otherVpc, IReadOnlyList<string>? known, DateTimeOffset now, List<DriftFinding> findings)
    {
        var cidrs = otherVpc.AllCidrs.ToList();
        var table = side.RouteTableId ?? "its route table";
        foreach (var cidr in cidrs)
        {
            var covered = side.Destinations.Any(d => Cidr.Within(cidr, d));
            if (!covered && known is not null && !known.Contains(cidr, StringComparer.Ordinal))
            {
                findings.Add(Finding(DriftKinds.CidrAdded, vpcSide, cidr,
                    $"VPC {otherVpc.VpcId} gained the CIDR {cidr}, which the routes of {table} ({side.VpcId}) do not cover: " +
                    "\"extend routes\" adds a route to it.", now));
            }
        }

        foreach (var destination in side.Destinations)
        {
            if (!cidrs.Any(c => Cidr.Within(destination, c)))
            {
                findings.Add(Finding(DriftKinds.CidrRemoved, vpcSide, destination,
                    $"{table} ({side.VpcId}) still routes {destination}, which is no longer inside any CIDR of VPC {otherVpc.VpcId} " +
                    $"({string.Join(", ", cidrs)}).", now));
            }
        }

        return known is null
            ? cidrs
            : [.. cidrs.Where(c => known.Contains(c, StringComparer.Ordinal) || side.Destinations.Any(d => Cidr.Within(c, d)))];
    }

    private static string RouteName(RouteFacts route) =>
        route.RouteItemId is { } item ? $"route {item}" : route.RouteId is { } id ? $"route {id}" : "the route";

    private static DriftFinding Finding(string kind, string side, string subject, string description, DateTimeOffset now) =>
        new(kind, side, subject, description, now);
}
