using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Repairs;

/// <summary>
/// Turns a registry record and its findings into what a repair is to do on each managed side. Which findings each
/// kind fixes: a repair, routes missing or disabled, subnets moved and CIDRs the peer removed; the cleanup, the peering
/// gone; extend routes, CIDRs the peer added. A route pointed elsewhere is never repaired, only reported.
/// </summary>
public static class RepairRequests
{
    public static readonly IReadOnlyList<string> RepairedKinds =
        [DriftKinds.RouteMissing, DriftKinds.RouteDisabled, DriftKinds.SubnetMoved, DriftKinds.CidrRemoved];

    /// <returns>Null when the findings leave this kind nothing to do (or the record has no pcx).</returns>
    public static RepairRequest? From(RegisteredPeering record, string kind, string requestedBy)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.PeeringConnectionId is not { } pcx)
        {
            return null;
        }

        var findings = record.Health?.Findings ?? [];
        var sides = new[] { (FindingSides.Initiator, record.Initiator), (FindingSides.Receiver, record.Receiver) }
            .Where(s => s.Item2.IsManaged && s.Item2.RouteTableId is not null)
            .ToDictionary(s => s.Item1, s => new Work(s.Item2), StringComparer.Ordinal);
        var fixes = new List<DriftFinding>();
        var reported = kind == RepairKinds.Repair ? findings.Where(f => f.Kind == DriftKinds.RouteRedirected).ToList() : [];

        if (kind == RepairKinds.PeerDeletedCleanup)
        {
            fixes.AddRange(findings.Where(f => f.Kind == DriftKinds.PeeringGone));
            if (fixes.Count == 0)
            {
                return null;
            }

            foreach (var work in sides.Values)
            {
                // Every route to the gone peering goes; a subnet goes back only if it is still on our table.
                work.RemoveAll = true;
                work.Moves.AddRange(work.Side.AssociationChanges.Select(c => new SubnetMove(c.SubnetId, c.PreviousRouteTableId, c.RouteTableId)));
            }
        }
        else
        {
            var wanted = kind == RepairKinds.ExtendRoutes ? [DriftKinds.CidrAdded] : RepairedKinds;
            foreach (var finding in findings.Where(f => wanted.Contains(f.Kind)))
            {
                if (!sides.TryGetValue(RepairTargets.SideOf(finding), out var work))
                {
                    continue; // an external side: nothing of ours to repair there
                }

                fixes.Add(finding);
                switch (finding.Kind)
                {
                    case DriftKinds.RouteMissing or DriftKinds.CidrAdded:
                        work.Create.Add(finding.Subject);
                        break;
                    case DriftKinds.RouteDisabled:
                        work.Enable.Add(finding.Subject);
                        break;
                    case DriftKinds.CidrRemoved:
                        work.Remove.Add(finding.Subject);
                        break;
                    case DriftKinds.SubnetMoved:
                        work.Moves.Add(new SubnetMove(finding.Subject, work.Side.RouteTableId!));
                        break;
                }
            }

            if (fixes.Count == 0)
            {
                return null;
            }
        }

        return new RepairRequest(
            record.Id,
            record.Name,
            kind,
            pcx,
            [.. sides.Where(s => s.Value.HasWork).Select(s => s.Value.ToRepair(s.Key))],
            fixes,
            reported,
            record.Initiator.Account,
            record.Receiver.Account,
            requestedBy);
    }

    private sealed class Work(RegisteredSide side)
    {
        public RegisteredSide Side { get; } = side;
        public List<string> Create { get; } = [];
        public List<string> Enable { get; } = [];
        public List<string> Remove { get; } = [];
        public List<SubnetMove> Moves { get; } = [];
        public bool RemoveAll { get; set; }

        public bool HasWork => RemoveAll || Create.Count + Enable.Count + Remove.Count + Moves.Count > 0;

        public SideRepair ToRepair(string name) => new(
            name, Side.Account!, Side.Region, Side.VpcId, Side.RouteTableId!,
            [.. Create.Distinct(StringComparer.Ordinal)], [.. Enable.Distinct(StringComparer.Ordinal)], [.. Remove.Distinct(StringComparer.Ordinal)],
            RemoveAll, [.. Moves.DistinctBy(m => m.SubnetId)]);
    }
}
