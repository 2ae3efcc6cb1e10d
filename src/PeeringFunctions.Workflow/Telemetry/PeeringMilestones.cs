using PeeringFunctions.Registry;

namespace PeeringFunctions.Workflow.Telemetry;

/// <summary>
/// What one registry write of the workflow says happened, compared with the record it replaces: the receiver decided
/// (the wait since the Requested record), or the peering became Active (the time since its request). A write repeated
/// (an activity runs at least once) finds its own record and says nothing.
/// </summary>
public static class PeeringMilestones
{
    /// <returns>The decision and how long it took, when this write is the one that records it.</returns>
    public static (string Decision, TimeSpan Waited)? Decision(RegisteredPeering? previous, RegisteredPeering written)
    {
        if (previous is not { State: RegistryStates.Requested, ApprovedBy: null })
        {
            return null;
        }

        var decision = written.State switch
        {
            RegistryStates.Rejected => WorkflowTelemetry.Rejected,
            RegistryStates.Expired => WorkflowTelemetry.Expired,
            _ when written.ApprovedBy is not null => WorkflowTelemetry.Accepted,
            _ => null,
        };
        return decision is null ? null : (decision, written.UpdatedAt - previous.UpdatedAt);
    }

    /// <returns>
    /// The time from the request to Active, when this write turns the run's Requested record Active (a run that records
    /// only its end has no request time to measure from).
    /// </returns>
    public static TimeSpan? BecameActive(RegisteredPeering? previous, RegisteredPeering written) =>
        written is { State: RegistryStates.Active, RequestedAt: { } requestedAt } && previous is { State: RegistryStates.Requested }
            ? written.UpdatedAt - requestedAt
            : null;

    /// <summary>Records the milestones this write reached.</summary>
    public static void Record(RegisteredPeering? previous, RegisteredPeering written)
    {
        if (Decision(previous, written) is { } decided)
        {
            WorkflowTelemetry.DecisionReached(decided.Decision, decided.Waited);
        }

        if (BecameActive(previous, written) is { } sinceRequest)
        {
            WorkflowTelemetry.BecameActive(sinceRequest);
        }
    }
}
