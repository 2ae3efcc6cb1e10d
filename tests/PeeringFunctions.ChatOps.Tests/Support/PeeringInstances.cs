using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.ChatOps.Tests.Support;

/// <summary>Peering instances as the Durable client would return them.</summary>
internal static class PeeringInstances
{
    public const string Pcx = "pcx-demo0001";
    public static readonly DateTime Deadline = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    public static PeeringRequest AlphaToBeta() => new(
        "web-to-db",
        new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha"),
        new PeeringSide("ap-shanghai", "vpc-beta0001", Account: "beta"));

    public static PeeringRequest AlphaToExternal() => new(
        "to-partner",
        new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha", DestinationCidrs: ["10.9.0.0/16"]),
        new PeeringSide("ap-shanghai", "vpc-extern01", ExternalUin: "100000000001"));

    public static string IdOf(PeeringRequest request) => PeeringInstanceIds.For(request);

    public static OrchestrationMetadata Waiting(PeeringRequest request, string pcx = Pcx) =>
        Metadata(request, OrchestrationRuntimeStatus.Running,
            progress: new PeeringProgress(PeeringSteps.WaitingForAcceptance, pcx, SideProgress.Waiting, SideProgress.Waiting, Deadline));

    public static OrchestrationMetadata Configuring(PeeringRequest request) =>
        Metadata(request, OrchestrationRuntimeStatus.Running,
            progress: new PeeringProgress(PeeringSteps.Configuring, Pcx, new SideProgress(SideStates.Configuring), new SideProgress(SideStates.Configuring)));

    public static OrchestrationMetadata Active(PeeringRequest request) =>
        Metadata(request, OrchestrationRuntimeStatus.Completed,
            outcome: new PeeringOutcome(
                PeeringStatus.Active, Pcx, "The peering is active and routed on both sides.", [],
                new SideOutcome("alpha", "ap-guangzhou", request.Initiator.VpcId, "rtb-alpha001", ["10.2.0.0/16"], ["rti-1"], []),
                request.Receiver.IsManaged
                    ? new SideOutcome(request.Receiver.Account, "ap-shanghai", request.Receiver.VpcId, "rtb-beta0001", ["10.1.0.0/16"], ["rti-2"], [])
                    : null,
                []));

    public static OrchestrationMetadata Starting(PeeringRequest request) =>
        Metadata(request, OrchestrationRuntimeStatus.Pending);

    private static OrchestrationMetadata Metadata(
        PeeringRequest request, OrchestrationRuntimeStatus status, PeeringProgress? progress = null, PeeringOutcome? outcome = null)
    {
        var converter = JsonDataConverter.Default;
        return new OrchestrationMetadata(nameof(PeeringOrchestrator), IdOf(request))
        {
            RuntimeStatus = status,
            SerializedInput = converter.Serialize(request),
            SerializedCustomStatus = progress is null ? null : converter.Serialize(progress),
            SerializedOutput = outcome is null ? null : converter.Serialize(outcome),
            CreatedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(2026, 11, 20, 8, 5, 0, TimeSpan.Zero),
            DataConverter = converter,
        };
    }
}
