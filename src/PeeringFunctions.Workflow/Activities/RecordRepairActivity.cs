using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Auditing;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Telemetry;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>How a repair ended, for the peering's registry record.</summary>
/// <param name="Fixed">Keys (<see cref="DriftFinding.Key"/>) of the findings the repair fixed: cleared from the record's health.</param>
/// <param name="Events">What was done, reported or failed, in plain words: appended to the health history.</param>
/// <param name="Sides">Routes created and removed per side: the record's route item ids and destinations follow them.</param>
public sealed record RepairRecord(
    string PeeringId,
    string Kind,
    string Message,
    DateTimeOffset At,
    IReadOnlyList<string> Fixed,
    IReadOnlyList<HealthEvent> Events,
    IReadOnlyList<SideRepairResult> Sides);

/// <summary>
/// Writes a repair's result into the peering's record as one optimistic update (<see cref="IPeeringRegistry.UpdateAsync"/>),
/// so a watcher writing health at the same moment loses nothing: the state (Active, Drifted while findings remain, or
/// PeerDeleted after the cleanup), the routes created and removed, the findings fixed cleared, the events appended.
/// Running twice writes once: the events are the marker. A record being torn down is left alone.
/// </summary>
public sealed class RecordRepairActivity(IPeeringRegistry registry, AuditWriter audit, ILogger<RecordRepairActivity> logger)
    : TaskActivity<RepairRecord, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RepairRecord input)
    {
        await audit.AppendAsync(StepEntries.Of(input));
        try
        {
            var written = false;
            var stored = await registry.UpdateAsync(input.PeeringId, record =>
            {
                written = false;
                if (record.State is not (RegistryStates.Repairing or RegistryStates.Active or RegistryStates.Drifted)
                    || (input.Events.Count > 0 && (record.Health?.History ?? []).Contains(input.Events[0])))
                {
                    return null;
                }

                written = true;
                return Apply(record, input);
            }, CancellationToken.None);
            if (written && stored is not null)
            {
                // Counted once: a repeated run finds its events in the history and writes nothing.
                WorkflowTelemetry.RepairRecorded(input.Kind, stored.State);
            }

            return written;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Recording the repair of {PeeringId} in the registry failed: {Error}", input.PeeringId, error.Message);
            return false;
        }
    }

    /// <summary>The record after the repair (pure, so the optimistic update may run it again on a fresher record).</summary>
    public static RegisteredPeering Apply(RegisteredPeering record, RepairRecord repair)
    {
        var health = record.Health ?? PeeringHealth.Unchecked;
        var remaining = health.Findings.Where(f => !repair.Fixed.Contains(f.Key)).ToList();
        health = (health with
        {
            Status = remaining.Count == 0 ? HealthStatuses.Healthy : HealthStatuses.Drifted,
            Findings = remaining,
        }).WithHistory(repair.Events);
        var state = repair.Kind == RepairKinds.PeerDeletedCleanup ? RegistryStates.PeerDeleted
            : remaining.Count == 0 ? RegistryStates.Active
            : RegistryStates.Drifted;
        return record with
        {
            State = state,
            Message = repair.Message,
            UpdatedAt = repair.At,
            Health = health,
            Initiator = Changed(record.Initiator, repair, FindingSides.Initiator),
            Receiver = Changed(record.Receiver, repair, FindingSides.Receiver),
        };
    }

    private static RegisteredSide Changed(RegisteredSide side, RepairRecord repair, string name)
    {
        if (repair.Sides.FirstOrDefault(s => s.Side == name) is not { } result)
        {
            return side;
        }

        // Destinations follow what the table now routes: a new CIDR's route joins them, a removed CIDR's route leaves.
        var destinations = side.Destinations
            .Concat(result.CreatedRoutes.Select(r => r.DestinationCidrBlock))
            .Except(result.RemovedDestinations, StringComparer.Ordinal)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var routeItemIds = side.CreatedRouteItemIds
            .Concat(result.CreatedRoutes.Select(r => r.RouteItemId).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return side with { Destinations = destinations, CreatedRouteItemIds = routeItemIds };
    }
}
