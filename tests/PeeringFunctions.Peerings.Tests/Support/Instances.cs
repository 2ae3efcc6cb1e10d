using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Tests.Support;

/// <summary>
/// Orchestration instances as the Durable client returns them: input and custom status serialized exactly as the
/// default data converter does (System.Text.Json with default options), read back with that converter.
/// </summary>
internal static class Instances
{
    public const string PeeringOrchestrator = "PeeringOrchestrator";
    public const string TeardownOrchestrator = "TeardownOrchestrator";

    private static readonly DateTime Deadline = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A peering instance at <paramref name="step"/> (WaitingForAcceptance by default) for <paramref name="pcx"/>.</summary>
    public static OrchestrationMetadata Peering(
        string instanceId,
        PeeringRequest request,
        string? pcx,
        string? step = PeeringSteps.WaitingForAcceptance,
        OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running,
        bool activeBeforeConsent = false)
    {
        PeeringProgress? progress = step is null
            ? null
            : new PeeringProgress(
                step,
                pcx,
                SideProgress.Waiting,
                request.Receiver.IsManaged ? SideProgress.Waiting : new SideProgress(SideStates.External),
                step == PeeringSteps.WaitingForAcceptance ? Deadline : null,
                ActiveBeforeConsent: activeBeforeConsent);
        return new OrchestrationMetadata(PeeringOrchestrator, instanceId)
        {
            RuntimeStatus = status,
            SerializedInput = JsonSerializer.Serialize(request),
            SerializedCustomStatus = progress is null ? null : JsonSerializer.Serialize(progress),
            CreatedAt = DateTimeOffset.UtcNow,
            LastUpdatedAt = DateTimeOffset.UtcNow,
            DataConverter = JsonDataConverter.Default,
        };
    }

    /// <summary>A teardown instance ("peering-…-teardown"), with the custom status TeardownOrchestrator sets.</summary>
    public static OrchestrationMetadata Teardown(string peeringInstanceId, PeeringRequest request, string pcx, string step = "DeletingPeering")
    {
        var initiator = new SideOutcome(request.Initiator.Account, request.Initiator.Region, request.Initiator.VpcId, null, [], [], []);
        var teardown = new TeardownRequest(pcx, initiator, null);
        return new OrchestrationMetadata(TeardownOrchestrator, peeringInstanceId + "-teardown")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            SerializedInput = JsonSerializer.Serialize(teardown),
            SerializedCustomStatus = JsonSerializer.Serialize(new { Step = step, PeeringConnectionId = pcx }),
            CreatedAt = DateTimeOffset.UtcNow,
            LastUpdatedAt = DateTimeOffset.UtcNow,
            DataConverter = JsonDataConverter.Default,
        };
    }
}
