using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests.Support;

/// <summary>Peering instances as the Durable client returns them, for the unit tests.</summary>
internal static class Instances
{
    public const string Id = "peering-vpc-alpha001-vpc-beta0001";
    public const string Pcx = "pcx-demo0001";
    public static readonly DateTimeOffset Created = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static PeeringRequest Request() => new(
        "web-to-db",
        new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha", RouteTableId: "rtb-alphapcx", SubnetIds: ["subnet-alphaweb"]),
        new PeeringSide("ap-shanghai", "vpc-beta0001", Account: "beta", RouteTableId: "rtb-betapcx1", SubnetIds: ["subnet-betaapp1"]));

    public static OrchestrationMetadata Running(string step, DateTimeOffset lastUpdated, string? pcx = Pcx, DateTimeOffset? created = null) => Metadata(
        OrchestrationRuntimeStatus.Running, lastUpdated,
        new PeeringProgress(step, pcx, SideProgress.Waiting, SideProgress.Waiting, Created.UtcDateTime.AddHours(1)), null, created);

    public static OrchestrationMetadata Completed(PeeringOutcome outcome, DateTimeOffset lastUpdated) => Metadata(
        OrchestrationRuntimeStatus.Completed, lastUpdated,
        new PeeringProgress(PeeringSteps.Completed, outcome.PeeringConnectionId, SideProgress.Waiting, SideProgress.Waiting), outcome);

    public static PeeringOutcome Outcome(string status, string? failedStep = null, IReadOnlyList<string>? undone = null) => new(
        status, Pcx, $"ended {status}", [], Side("alpha"), Side("beta"), undone ?? [], failedStep);

    private static SideOutcome Side(string account) => new(account, "ap-guangzhou", "vpc-x", "rtb-x", [], [], []);

    private static OrchestrationMetadata Metadata(
        OrchestrationRuntimeStatus status, DateTimeOffset lastUpdated, PeeringProgress progress, PeeringOutcome? outcome, DateTimeOffset? created = null)
    {
        var converter = JsonDataConverter.Default;
        return new OrchestrationMetadata("PeeringOrchestrator", Id)
        {
            RuntimeStatus = status,
            SerializedInput = converter.Serialize(Request()),
            SerializedCustomStatus = converter.Serialize(progress),
            SerializedOutput = outcome is null ? null : converter.Serialize(outcome),
            CreatedAt = created ?? Created,
            LastUpdatedAt = lastUpdated,
            DataConverter = converter,
        };
    }
}
