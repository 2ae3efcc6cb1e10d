using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Purging;

/// <summary>
/// Whether a finished instance's history may go: the one place that decides it. Its history is the only record of a
/// run until the registry holds how the run ended, so the peering's record must exist and be out of its in-progress
/// states. (Where an audit trail exists, "its end entry is written" belongs here too.)
/// </summary>
public sealed class PurgeReadiness(IPeeringRegistry registry)
{
    /// <summary>Record states a workflow is still writing: the history may hold what the record does not yet.</summary>
    public static readonly IReadOnlySet<string> InProgressStates = new HashSet<string>(
        [RegistryStates.Requested, RegistryStates.Repairing, RegistryStates.TearingDown], StringComparer.Ordinal);

    /// <returns>Null when the history may be purged; otherwise why not, in words.</returns>
    public async Task<string?> WhyNotAsync(string instanceId, CancellationToken cancellationToken)
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

        return record is null ? $"the registry holds no record of {peeringId}"
            : InProgressStates.Contains(record.State) ? $"its registry record still says {record.State}"
            : null;
    }
}
