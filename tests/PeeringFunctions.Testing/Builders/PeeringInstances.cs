using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Testing.Builders;

/// <summary>
/// Orchestration instances as the Durable client returns them: input, custom status and output serialized exactly as
/// the default data converter does (System.Text.Json with default options), read back with that converter.
/// </summary>
public static class PeeringInstances
{
    public const string PeeringOrchestrator = nameof(Workflow.Orchestrations.PeeringOrchestrator);
    public const string TeardownOrchestrator = nameof(Workflow.Orchestrations.TeardownOrchestrator);

    /// <summary>The instance id of alpha's vpc-alpha001 → beta's vpc-beta0001.</summary>
    public const string Id = "peering-vpc-alpha001-vpc-beta0001";
    public const string Pcx = "pcx-demo0001";
    public static readonly DateTime Deadline = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>When the pages' instances were created (<see cref="Running"/>, <see cref="Completed"/>).</summary>
    public static readonly DateTimeOffset Created = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    /// <summary>alpha → beta by account alias, no route tables or subnets named (what chat acts on).</summary>
    public static PeeringRequest AlphaToBeta() => new(
        "web-to-db",
        new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha"),
        new PeeringSide("ap-shanghai", "vpc-beta0001", Account: "beta"));

    /// <summary>alpha → beta with the route tables and subnets of the demo seed (what the pages show).</summary>
    public static PeeringRequest AlphaToBetaRouted() => new(
        "web-to-db",
        new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha", RouteTableId: "rtb-alphapcx", SubnetIds: ["subnet-alphaweb"]),
        new PeeringSide("ap-shanghai", "vpc-beta0001", Account: "beta", RouteTableId: "rtb-betapcx1", SubnetIds: ["subnet-betaapp1"]));

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

    /// <summary><see cref="Id"/> (<see cref="AlphaToBetaRouted"/>) running at <paramref name="step"/>, last updated then.</summary>
    public static OrchestrationMetadata Running(string step, DateTimeOffset lastUpdated, string? pcx = Pcx, DateTimeOffset? created = null) => PageMetadata(
        OrchestrationRuntimeStatus.Running, lastUpdated,
        new PeeringProgress(step, pcx, SideProgress.Waiting, SideProgress.Waiting, Created.UtcDateTime.AddHours(1)), null, created);

    /// <summary><see cref="Id"/> (<see cref="AlphaToBetaRouted"/>) ended with <paramref name="outcome"/>.</summary>
    public static OrchestrationMetadata Completed(PeeringOutcome outcome, DateTimeOffset lastUpdated) => PageMetadata(
        OrchestrationRuntimeStatus.Completed, lastUpdated,
        new PeeringProgress(PeeringSteps.Completed, outcome.PeeringConnectionId, SideProgress.Waiting, SideProgress.Waiting), outcome);

    public static PeeringOutcome Outcome(string status, string? failedStep = null, IReadOnlyList<string>? undone = null) => new(
        status, Pcx, $"ended {status}", [], OutcomeSide("alpha"), OutcomeSide("beta"), undone ?? [], failedStep);

    /// <summary>A peering instance at <paramref name="step"/> (WaitingForAcceptance by default) for <paramref name="pcx"/>, as the poller reads it.</summary>
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

    private static SideOutcome OutcomeSide(string account) => new(account, "ap-guangzhou", "vpc-x", "rtb-x", [], [], []);

    private static OrchestrationMetadata Metadata(
        PeeringRequest request, OrchestrationRuntimeStatus status, PeeringProgress? progress = null, PeeringOutcome? outcome = null)
    {
        var converter = JsonDataConverter.Default;
        return new OrchestrationMetadata(nameof(Workflow.Orchestrations.PeeringOrchestrator), IdOf(request))
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

    private static OrchestrationMetadata PageMetadata(
        OrchestrationRuntimeStatus status, DateTimeOffset lastUpdated, PeeringProgress progress, PeeringOutcome? outcome, DateTimeOffset? created = null)
    {
        var converter = JsonDataConverter.Default;
        return new OrchestrationMetadata(PeeringOrchestrator, Id)
        {
            RuntimeStatus = status,
            SerializedInput = converter.Serialize(AlphaToBetaRouted()),
            SerializedCustomStatus = converter.Serialize(progress),
            SerializedOutput = outcome is null ? null : converter.Serialize(outcome),
            CreatedAt = created ?? Created,
            LastUpdatedAt = lastUpdated,
            DataConverter = converter,
        };
    }
}
