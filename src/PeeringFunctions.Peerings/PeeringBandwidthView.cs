using Microsoft.DurableTask.Client;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings;

/// <summary>
/// A cross-region peering's bandwidth cap as Tencent last reported it — to verification when the peering became
/// active, or to the latest bandwidth change — and that change's progress or outcome. Never the number asked for:
/// only what was read.
/// </summary>
/// <param name="Mbps">The cap at the last read; null while nothing has read it (a peering verified before it was kept).</param>
/// <param name="ReadBy"><see cref="ReadByVerification"/> or <see cref="ReadByChange"/>.</param>
/// <param name="ReadAt">When that read was recorded (the instance's last update).</param>
public sealed record PeeringBandwidthView(long? Mbps, string? ReadBy, DateTimeOffset? ReadAt, BandwidthChangeView? LastChange)
{
    public const string ReadByVerification = "verification";
    public const string ReadByChange = "change";

    /// <summary>When the cap was read, as a sentence ends (a method, so the status document does not carry it).</summary>
    public string ReadWhen() => ReadBy == ReadByChange ? "after the last change" : "when the peering was verified";

    /// <summary>Null for an intra-region peering (no cap) and for one nothing has read the cap of yet.</summary>
    /// <param name="change">The latest bandwidth change of this peering connection, if any.</param>
    public static PeeringBandwidthView? Of(PeeringRequest request, OrchestrationMetadata peering, PeeringOutcome? outcome, OrchestrationMetadata? change)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(peering);
        if (!request.IsCrossRegion)
        {
            return null;
        }

        var last = change is null ? null : BandwidthChangeView.From(change);
        if (last?.Outcome?.BandwidthMbps is { } changed)
        {
            return new PeeringBandwidthView(changed, ReadByChange, change!.LastUpdatedAt, last);
        }

        if (outcome?.BandwidthMbps is { } verified)
        {
            return new PeeringBandwidthView(verified, ReadByVerification, peering.LastUpdatedAt, last);
        }

        return last is null ? null : new PeeringBandwidthView(null, null, null, last);
    }
}

/// <summary>One bandwidth change: where it is while it runs, how it ended once it has.</summary>
public sealed record BandwidthChangeView(string Id, string RuntimeStatus, string? Step, long RequestedMbps, BandwidthChangeOutcome? Outcome)
{
    /// <summary>Still working (a method, so the status document does not carry it).</summary>
    public bool IsRunning() => RuntimeStatus is nameof(OrchestrationRuntimeStatus.Running) or nameof(OrchestrationRuntimeStatus.Pending) or nameof(OrchestrationRuntimeStatus.Suspended);

    public static BandwidthChangeView From(OrchestrationMetadata change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new BandwidthChangeView(
            change.InstanceId,
            change.RuntimeStatus.ToString(),
            change.ReadCustomStatusAs<BandwidthChangeProgress>()?.Step,
            change.ReadInputAs<BandwidthChangeRequest>()?.BandwidthMbps ?? 0,
            change.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? change.ReadOutputAs<BandwidthChangeOutcome>() : null);
    }
}
