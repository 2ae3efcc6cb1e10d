using Microsoft.DurableTask.Client;
using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>Which registry records still hold their peering (its pcx and its VPC pair), and which one a status shows.</summary>
public static class RegistryLife
{
    /// <summary>
    /// The record's peering is in place (Active, Drifted, Repairing, TearingDown, TeardownFailed): it holds the VPC
    /// pair, so a request or an adoption of the pair is refused. In every other state (TornDown, PeerDeleted, Failed,
    /// Rejected, Expired, PreflightFailed, and Requested, whose run a live Durable instance holds, if any) the record is
    /// history and may be replaced.
    /// </summary>
    public static bool IsInPlace(string state) => state is RegistryStates.Active or RegistryStates.Drifted
        or RegistryStates.Repairing or RegistryStates.TearingDown or RegistryStates.TeardownFailed;

    /// <summary>
    /// The adopted <paramref name="record"/> is about a later peering of the pair than <paramref name="instance"/> (a
    /// run of ours that ended before the adoption): the record, not the old run, is the peering's status.
    /// </summary>
    public static bool Supersedes(this RegisteredPeering? record, OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return record is { Origin: PeeringOrigins.Adopted } && record.UpdatedAt > instance.CreatedAt;
    }
}
