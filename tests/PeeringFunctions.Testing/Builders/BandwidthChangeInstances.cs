using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Testing.Builders;

/// <summary>
/// Bandwidth changes and the active peerings they change, as the Durable client returns them (serialized by the
/// default data converter): what the status document and the start gate read.
/// </summary>
public static class BandwidthChangeInstances
{
    public static readonly DateTimeOffset VerifiedAt = new(2026, 11, 20, 8, 5, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ChangedAt = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An Active peering of <paramref name="request"/> whose verification read <paramref name="verifiedMbps"/>.</summary>
    public static OrchestrationMetadata ActivePeering(PeeringRequest request, long? verifiedMbps, string pcx = PeeringInstances.Pcx)
    {
        var converter = JsonDataConverter.Default;
        var outcome = new PeeringOutcome(
            PeeringStatus.Active, pcx, $"Peering {pcx} is ACTIVE.", [],
            new SideOutcome(request.Initiator.Account, request.Initiator.Region, request.Initiator.VpcId, null, [], [], []),
            new SideOutcome(request.Receiver.Account, request.Receiver.Region, request.Receiver.VpcId, null, [], [], []),
            [],
            BandwidthMbps: verifiedMbps);
        return new OrchestrationMetadata(nameof(PeeringOrchestrator), PeeringInstanceIds.For(request))
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            SerializedInput = converter.Serialize(request),
            SerializedCustomStatus = converter.Serialize(new PeeringProgress(PeeringSteps.Completed, pcx, SideProgress.Waiting, SideProgress.Waiting)),
            SerializedOutput = converter.Serialize(outcome),
            CreatedAt = VerifiedAt.AddMinutes(-5),
            LastUpdatedAt = VerifiedAt,
            DataConverter = converter,
        };
    }

    /// <summary>A change of <paramref name="peeringInstanceId"/> still at <paramref name="step"/>.</summary>
    public static OrchestrationMetadata Running(string peeringInstanceId, long requestedMbps, string step = BandwidthChangeSteps.Changing, string pcx = PeeringInstances.Pcx) =>
        Change(peeringInstanceId, pcx, requestedMbps, OrchestrationRuntimeStatus.Running, step, null);

    /// <summary>A change of <paramref name="peeringInstanceId"/> that ended with <paramref name="status"/>, Tencent then reporting <paramref name="readMbps"/>.</summary>
    public static OrchestrationMetadata Ended(
        string peeringInstanceId, long requestedMbps, string status, long? readMbps, string pcx = PeeringInstances.Pcx, string message = "ended") =>
        Change(peeringInstanceId, pcx, requestedMbps, OrchestrationRuntimeStatus.Completed, BandwidthChangeSteps.Completed,
            new BandwidthChangeOutcome(status, pcx, requestedMbps, readMbps, message));

    private static OrchestrationMetadata Change(
        string peeringInstanceId, string pcx, long requestedMbps, OrchestrationRuntimeStatus status, string step, BandwidthChangeOutcome? outcome)
    {
        var converter = JsonDataConverter.Default;
        return new OrchestrationMetadata(nameof(BandwidthChangeOrchestrator), PeeringInstanceIds.BandwidthChangeOf(peeringInstanceId))
        {
            RuntimeStatus = status,
            SerializedInput = converter.Serialize(new BandwidthChangeRequest(pcx, "alpha", "ap-guangzhou", requestedMbps)),
            SerializedCustomStatus = converter.Serialize(new BandwidthChangeProgress(step, pcx, requestedMbps)),
            SerializedOutput = outcome is null ? null : converter.Serialize(outcome),
            CreatedAt = ChangedAt.AddMinutes(-1),
            LastUpdatedAt = ChangedAt,
            DataConverter = converter,
        };
    }
}
