using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;

namespace PeeringFunctions.Peerings.Purging;

/// <summary>
/// Whether a finished instance's history may go: the one place that decides it. Its history is the only record of a
/// run until the registry holds how the run ended, so the peering's record must exist and be out of its in-progress
/// states, and the audit trail must hold a step the workflow recorded since the instance began (its end, or the record
/// the audit would otherwise only have in history).
/// </summary>
public sealed class PurgeReadiness(IPeeringRegistry registry, IAuditTrail audit)
{
    /// <summary>Record states a workflow is still writing: the history may hold what the record does not yet.</summary>
    public static readonly IReadOnlySet<string> InProgressStates = new HashSet<string>(
        [RegistryStates.Requested, RegistryStates.Repairing, RegistryStates.TearingDown], StringComparer.Ordinal);

    /// <returns>Null when the history may be purged; otherwise why not, in words.</returns>
    /// <param name="createdAt">When the instance began: the trail must hold a workflow step recorded since then.</param>
    public async Task<string?> WhyNotAsync(string instanceId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        if (PeeringInstanceIds.PeeringOfAny(instanceId) is not { } peeringId)
        {
            return "not an instance id this app makes";
        }

        RegisteredPeering? record;
        try
        {
            record = await registry.GetAsync(peeringId, cancellationToken);
        }
        catch (PeeringRegistryException error)
        {
            return $"its registry record could not be read: {error.Message}";
        }

        if (record is null)
        {
            return $"the registry holds no record of {peeringId}";
        }

        if (InProgressStates.Contains(record.State))
        {
            return $"its registry record still says {record.State}";
        }

        IReadOnlyList<AuditEntry> trail;
        try
        {
            trail = await audit.ListAsync(peeringId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return $"its audit trail could not be read: {error.Message}";
        }

        return trail.Any(e => e.Kind == AuditKinds.StateRecorded && e.At >= createdAt)
            ? null
            : "its audit trail holds no step the workflow recorded since the instance began";
    }
}
