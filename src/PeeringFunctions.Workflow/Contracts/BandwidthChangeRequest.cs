namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// Change an active cross-region peering's bandwidth cap, with the initiator's credentials (the initiator is billed
/// for it). Identifiers only, like every orchestration input.
/// </summary>
public sealed record BandwidthChangeRequest(string PeeringConnectionId, string Account, string Region, long BandwidthMbps);

/// <param name="BandwidthMbps">The bandwidth Tencent reported at the change's last read (after the change, or before a refusal); null when it could not be read.</param>
/// <param name="ErrorCode">Tencent's code when Tencent refused the change.</param>
public sealed record BandwidthChangeOutcome(
    string Status,
    string PeeringConnectionId,
    long RequestedMbps,
    long? BandwidthMbps,
    string Message,
    string? ErrorCode = null);

/// <summary>How a bandwidth change ended. Strings rather than an enum so the persisted JSON reads plainly.</summary>
public static class BandwidthChangeStatus
{
    /// <summary>Tencent now reports the requested bandwidth, after our change.</summary>
    public const string Changed = "Changed";

    /// <summary>Tencent reported the requested bandwidth already: nothing was written.</summary>
    public const string Unchanged = "Unchanged";

    /// <summary>Tencent's view of the peering forbids the change (gone, not ACTIVE, intra-region): nothing was written.</summary>
    public const string Refused = "Refused";

    /// <summary>Tencent refused the change, or reports another bandwidth after it.</summary>
    public const string Failed = "Failed";
}
