using Microsoft.DurableTask.Client;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings;

/// <summary>
/// Our own status document. Never the Durable management URLs: those carry the host's keys in their query string.
/// </summary>
public sealed record PeeringView(
    string Id,
    string Name,
    string State,
    string RuntimeStatus,
    string? Step,
    string? PeeringConnectionId,
    PeeringSideView Initiator,
    PeeringSideView Receiver,
    DateTime? AcceptanceDeadline,
    string? Message,
    PeeringOutcome? Outcome,
    TeardownView? Teardown,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    IReadOnlyDictionary<string, string> Links,
    PeeringBandwidthView? Bandwidth = null,
    PeeringHealth? Health = null,
    string? Origin = null,
    string? RepairPolicy = null,
    string? RequestedBy = null,
    string? ApprovedBy = null,
    RepairView? Repair = null,
    StuckView? Stuck = null)
{
    /// <summary>
    /// This view with what the registry keeps about the peering: its health, origin, repair policy, who asked and who
    /// approved. A record written after a finished run (the watcher found drift, a repair ran, the peer deleted it)
    /// also gives the state and message: it knows more than the run's output. A running instance keeps its own.
    /// </summary>
    public PeeringView WithRecord(RegisteredPeering? record, bool instanceRunning, DateTimeOffset lastWorkflowUpdate)
    {
        if (record is null)
        {
            return this;
        }

        var view = this with
        {
            Health = record.Health ?? PeeringHealth.Unchecked,
            Origin = record.Origin,
            RepairPolicy = record.RepairPolicy,
            RequestedBy = record.RequestedBy,
            ApprovedBy = record.ApprovedBy,
        };
        return !instanceRunning && record.UpdatedAt > lastWorkflowUpdate
            ? view with { State = record.State, Message = record.Message ?? view.Message, LastUpdatedAt = record.UpdatedAt }
            : view;
    }

    /// <summary>
    /// This view with the stuck check's report, if one of the peering's instances is stuck: shown while that instance
    /// runs (the peering's own run only while it is still at the reported step; the check forgets ended ones each tick).
    /// </summary>
    public PeeringView WithStuck(StuckView? stuck) =>
        stuck is null || (stuck.InstanceId == Id && (RuntimeStatus is not ("Running" or "Pending") || Step != stuck.Step)) ? this : this with { Stuck = stuck };

    /// <param name="teardown">The teardown of this run's peering connection, if any.</param>
    /// <param name="bandwidthChange">The latest bandwidth change of this run's peering connection, if any.</param>
    public static PeeringView From(OrchestrationMetadata instance, OrchestrationMetadata? teardown, OrchestrationMetadata? bandwidthChange = null)
    {
        var request = instance.ReadInputAs<PeeringRequest>()!;
        var progress = instance.ReadCustomStatusAs<PeeringProgress>();
        var outcome = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<PeeringOutcome>() : null;
        var id = instance.InstanceId;
        var links = new Dictionary<string, string> { ["self"] = HttpRoutes.PathOf(HttpRoutes.Peering, id) };
        if (progress?.Step == PeeringSteps.WaitingForAcceptance && instance.IsRunning)
        {
            links["accept"] = HttpRoutes.PathOf(HttpRoutes.Accept, id);
            links["reject"] = HttpRoutes.PathOf(HttpRoutes.Reject, id);
        }

        return new PeeringView(
            id,
            request.Name,
            StateOf(instance, progress, outcome, teardown),
            instance.RuntimeStatus.ToString(),
            progress?.Step,
            outcome?.PeeringConnectionId ?? progress?.PeeringConnectionId,
            PeeringSideView.From(request.Initiator, progress?.Initiator),
            PeeringSideView.From(request.Receiver, progress?.Receiver),
            progress?.AcceptanceDeadline,
            outcome?.Message ?? progress?.Message ?? instance.FailureDetails?.ErrorMessage,
            outcome,
            teardown is null ? null : TeardownView.From(teardown),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            links,
            PeeringBandwidthView.Of(request, instance, outcome, bandwidthChange));
    }

    /// <summary>
    /// One word a portal can filter on: the step while running, the outcome once finished, and for an active peering
    /// what its <paramref name="teardown"/> (of this run's peering connection) has done to it.
    /// </summary>
    public static string StateOf(OrchestrationMetadata instance, PeeringProgress? progress, PeeringOutcome? outcome, OrchestrationMetadata? teardown = null) =>
        instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed when outcome?.Status == PeeringStatus.Active && teardown is not null => teardown.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Completed when teardown.ReadOutputAs<TeardownOutcome>()?.Status == TeardownStatus.Removed => LifecycleStates.TornDown,
                OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => LifecycleStates.TeardownFailed,
                _ => LifecycleStates.TearingDown,
            },
            OrchestrationRuntimeStatus.Completed => outcome?.Status ?? "Completed",
            OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending => progress?.Step ?? "Starting",
            var other => other.ToString(),
        };
}

public sealed record PeeringSideView(string? Account, string? Uin, string Region, string VpcId, string? RouteTableId, IReadOnlyList<string> SubnetIds, string? Progress)
{
    public static PeeringSideView From(PeeringSide side, SideProgress? progress) =>
        new(side.Account, side.ExternalUin, side.Region, side.VpcId, side.RouteTableId, side.Subnets, progress?.State);
}

public sealed record TeardownView(string Id, string RuntimeStatus, TeardownOutcome? Outcome)
{
    public static TeardownView From(OrchestrationMetadata teardown) => new(
        teardown.InstanceId,
        teardown.RuntimeStatus.ToString(),
        teardown.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? teardown.ReadOutputAs<TeardownOutcome>() : null);
}
