using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Status;

/// <summary>One peering instance as the pages read it: the request, its progress (custom status) and its outcome.</summary>
public sealed record PeeringSnapshot(
    string InstanceId,
    PeeringRequest Request,
    PeeringProgress? Progress,
    PeeringOutcome? Outcome,
    OrchestrationRuntimeStatus RuntimeStatus,
    string State,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    public string? PeeringConnectionId => Outcome?.PeeringConnectionId ?? Progress?.PeeringConnectionId;

    /// <summary>A cross-region peering's bandwidth cap as Tencent last reported it, and its latest change; read apart from the instance.</summary>
    public PeeringBandwidthView? Bandwidth { get; init; }

    /// <summary>What the watcher last found and what was done about it, from the registry; null when it holds no record.</summary>
    public PeeringHealth? Health { get; init; }

    /// <summary>The stuck check's report on this peering, when it reported one; null otherwise.</summary>
    public StuckView? Stuck { get; init; }

    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    /// <summary>Nothing more will happen: the page stops refreshing.</summary>
    public bool IsTerminal => !IsRunning;

    public bool IsWaitingForDecision => RuntimeStatus == OrchestrationRuntimeStatus.Running && Progress?.Step == PeeringSteps.WaitingForAcceptance;

    public static PeeringSnapshot From(OrchestrationMetadata instance) =>
        TryFrom(instance) ?? throw new InvalidOperationException($"Instance {instance.InstanceId} has no peering request.");

    /// <summary>The snapshot, or null when the instance (read with its inputs) carries no peering request.</summary>
    public static PeeringSnapshot? TryFrom(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.ReadInputAs<PeeringRequest>() is not { } request)
        {
            return null;
        }

        var progress = instance.ReadCustomStatusAs<PeeringProgress>();
        var outcome = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<PeeringOutcome>() : null;
        return new PeeringSnapshot(
            instance.InstanceId,
            request,
            progress,
            outcome,
            instance.RuntimeStatus,
            PeeringView.StateOf(instance, progress, outcome),
            instance.FailureDetails?.ErrorMessage,
            instance.CreatedAt,
            instance.LastUpdatedAt);
    }
}
