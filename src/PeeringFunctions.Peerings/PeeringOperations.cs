using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Peerings.Auditing;
using PeeringFunctions.Peerings.Repairs;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Peerings;

/// <summary>
/// What every front door can do — start, look up, list, decide, tear down — on the Durable client it is given.
/// The HTTP API and the chat commands both call this, each after its own authentication; nothing here decides
/// about the peering itself (that is the orchestrator's job).
/// </summary>
/// <param name="stuckMarks">The stuck check's marks, shown on the views; none when the host has no stuck check.</param>
/// <remarks>Each decision and change asked for goes into the audit trail when <paramref name="audit"/> is given (every host gives it).</remarks>
public sealed class PeeringOperations(IPeeringRegistry registry, ILogger<PeeringOperations> logger, PeeringAudit? audit = null, IStuckMarks? stuckMarks = null)
{
    /// <summary>How long a decision waits to learn whether it won; longer than the orchestrator needs to take an event locally.</summary>
    private static readonly TimeSpan DecisionConfirmationWait = TimeSpan.FromSeconds(10);

    // Reads of the instance while a decision waits to be confirmed: soon at first (an idle host takes it in
    // milliseconds), then further apart, so a busy host that takes it late is not asked every 50 ms meanwhile.
    private static readonly TimeSpan FirstDecisionPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestDecisionPoll = TimeSpan.FromMilliseconds(500);

    // Check-then-start as one step per id, for every instance of this class in the process (and for repairs, which
    // check for a teardown under the teardown's id).
    private static readonly InstanceStartGate Starts = InstanceStartGate.Shared;

    // Statuses in which an instance is never replaced by a start with the same id.
    private static readonly OrchestrationRuntimeStatus[] LiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <param name="channel">The door it came through (one of <see cref="AuditChannels"/>), for the audit trail.</param>
    public async Task<StartResult> StartAsync(DurableTaskClient client, PeeringRequest request, CancellationToken cancellationToken, string? channel = null)
    {
        var id = PeeringInstanceIds.For(request);
        var at = audit?.Now();
        var result = await Starts.RunAsync(id, () => CheckThenStartAsync(client, id, request, cancellationToken), cancellationToken);
        if (result.Started && audit is not null)
        {
            await audit.RecordAsync(id, at!.Value, AuditKinds.RequestReceived, request.RequestedBy, channel,
                $"Requested \"{request.Name}\": {request.Initiator.Describe()} → {request.Receiver.Describe()}.");
        }

        return result;
    }

    /// <summary>The peering's audit trail, oldest first; null when <paramref name="id"/> is no peering we know (no trail, no instance, no record).</summary>
    public async Task<IReadOnlyList<AuditEntry>?> AuditAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        if (!PeeringInstanceIds.IsPeeringId(id))
        {
            return null;
        }

        var entries = audit is null ? [] : await audit.ListAsync(id, cancellationToken);
        return entries.Count > 0 || await FindAsync(client, id, cancellationToken) is not null || await TryGetRecordAsync(id, cancellationToken) is not null
            ? entries
            : null;
    }

    private async Task<StartResult> CheckThenStartAsync(DurableTaskClient client, string id, PeeringRequest request, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (existing is not null)
        {
            // A live run, or a peering of this pair that is still in place: a new run would replace its record (what
            // teardown must undo) and write to the receiver's side without asking. Changing it means tearing it down first.
            var view = PeeringView.From(existing, await FindTeardownAsync(client, existing, cancellationToken));
            if (IsLive(existing))
            {
                return new StartResult(id, Started: false, view, $"These two VPCs already have a peering in progress: {id} ({view.State}).");
            }

            if (view.State is PeeringStatus.Active or LifecycleStates.TearingDown or LifecycleStates.TeardownFailed)
            {
                return new StartResult(id, Started: false, view,
                    $"These two VPCs are already peered by {id} ({view.PeeringConnectionId}, {view.State}). To change the peering, " +
                    $"tear it down (DELETE {HttpRoutes.PathOf(HttpRoutes.Peering, id)}) and request it again.");
            }
        }

        // A peering of this pair that only the registry knows (adopted, or its history purged) is in place all the same.
        if (await registry.GetAsync(id, cancellationToken) is { } record && RegistryLife.IsInPlace(record.State))
        {
            return new StartResult(id, Started: false, RegisteredPeeringView.From(record, null),
                $"These two VPCs are already peered by {id} ({record.PeeringConnectionId}, {record.State}, {record.Origin}). To change the peering, " +
                $"tear it down (DELETE {HttpRoutes.PathOf(HttpRoutes.Peering, id)}) and request it again.");
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(PeeringOrchestrator),
                request,
                new StartOrchestrationOptions(id) { Version = PeeringOrchestrator.CurrentVersion }.WithDedupeStatuses(LiveStatuses),
                cancellationToken);
        }
        catch (Exception error) when (IsAlreadyExists(error))
        {
            // Two identical requests raced past the check above; the other one won.
            var winner = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            return new StartResult(id, Started: false, winner is null ? null : PeeringView.From(winner, null),
                $"These two VPCs already have a peering in progress: {id} (started a moment ago by another request).");
        }

        logger.LogInformation("Started peering {InstanceId}: {Initiator} -> {Receiver}", id, request.Initiator.Describe(), request.Receiver.Describe());
        var started = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        return new StartResult(id, Started: true, started is null ? null : PeeringView.From(started, null));
    }

    /// <summary>The peering instance, or null when the id is not one of ours or does not exist.</summary>
    public async Task<OrchestrationMetadata?> FindAsync(DurableTaskClient client, string id, CancellationToken cancellationToken) =>
        PeeringInstanceIds.IsPeeringId(id) ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) : null;

    public async Task<PeeringView?> GetAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(client, id, cancellationToken);
        var record = PeeringInstanceIds.IsPeeringId(id) ? await TryGetRecordAsync(id, cancellationToken) : null;
        if (record is not null && (instance is null || record.Supersedes(instance)))
        {
            // Its history purged, or adopted after an earlier run of ours ended: the registry's record is the peering.
            var recordTeardown = await client.GetInstanceAsync(PeeringInstanceIds.TeardownOf(id), getInputsAndOutputs: true, cancellationToken);
            return RegisteredPeeringView.From(record, recordTeardown?.ReadInputAs<TeardownRequest>()?.PeeringConnectionId == record.PeeringConnectionId ? recordTeardown : null)
                with { Repair = await RepairView.FindAsync(client, id, cancellationToken) };
        }

        if (instance is null)
        {
            return null;
        }

        var teardown = await FindTeardownAsync(client, instance, cancellationToken);
        return (PeeringView.From(instance, teardown, await FindBandwidthChangeAsync(client, instance, cancellationToken))
            .WithRecord(record, instance.IsRunning || teardown is { IsRunning: true }, LastWorkflowUpdate(instance, teardown))
            with { Repair = await RepairView.FindAsync(client, id, cancellationToken) })
            .WithStuck((await ListStuckAsync(cancellationToken)).GetValueOrDefault(id));
    }

    /// <summary>Who a peering joins, from its instance or, its history purged (or adopted since), from its registry record; null when neither exists.</summary>
    public async Task<PeeringParties?> FindPartiesAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(client, id, cancellationToken);
        var record = PeeringInstanceIds.IsPeeringId(id) ? await registry.GetAsync(id, cancellationToken) : null;
        if (instance is not null && !record.Supersedes(instance) && instance.ReadInputAs<PeeringRequest>() is { } request)
        {
            return new PeeringParties(id, request.Name, request.Initiator.Account!, request.Receiver.Account, request.Receiver.ExternalUin);
        }

        return record is not null
            ? new PeeringParties(id, record.Name, record.Initiator.Account ?? "", record.Receiver.Account, record.Receiver.Uin)
            : null;
    }

    /// <summary>
    /// Tears down the peering <paramref name="id"/>, from its instance's outcome or, its history purged, from the
    /// registry; <paramref name="requestedBy"/> names who asked (recorded and told to both sides).
    /// </summary>
    /// <returns>Null when there is no such peering.</returns>
    public async Task<TeardownResult?> TeardownByIdAsync(
        DurableTaskClient client, string id, string? requestedBy, CancellationToken cancellationToken, string? channel = null)
    {
        var at = audit?.Now();
        var result = await StartTeardownByIdAsync(client, id, requestedBy, cancellationToken);
        if (result?.TeardownId is { } teardownId && audit is not null)
        {
            await audit.RecordAsync(id, at!.Value, AuditKinds.TeardownRequested, requestedBy, channel, $"Teardown asked for; started {teardownId}.");
        }

        return result;
    }

    private async Task<TeardownResult?> StartTeardownByIdAsync(DurableTaskClient client, string id, string? requestedBy, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(client, id, cancellationToken);
        var record = PeeringInstanceIds.IsPeeringId(id) ? await registry.GetAsync(id, cancellationToken) : null;
        if (instance is not null && !record.Supersedes(instance))
        {
            return await TeardownAsync(client, instance, cancellationToken, requestedBy);
        }

        // Its history purged, or adopted after an earlier run of ours ended: the registry knows what to remove.
        return record is not null ? await TeardownRegisteredAsync(client, record, cancellationToken, requestedBy) : null;
    }

    /// <summary>
    /// Tears down a peering whose orchestration history is gone, from what the registry recorded: only an Active (or
    /// TeardownFailed) record with its pcx; exactly one teardown at a time, as for a peering with its history.
    /// </summary>
    public Task<TeardownResult> TeardownRegisteredAsync(
        DurableTaskClient client, RegisteredPeering record, CancellationToken cancellationToken, string? requestedBy = null) =>
        Starts.RunAsync(PeeringInstanceIds.TeardownOf(record.Id), async () =>
        {
            var teardownId = PeeringInstanceIds.TeardownOf(record.Id);
            var running = await client.GetInstanceAsync(teardownId, cancellationToken);
            if (running is { IsRunning: true })
            {
                return new TeardownResult(null, LifecycleStates.TearingDown);
            }

            if (await PeeringRepairs.IsRunningAsync(client, record.Id, cancellationToken))
            {
                return new TeardownResult(null, RegistryStates.Repairing);
            }

            // Drifted is still in place: tearing it down is one way to end the drift. Repairing with no repair running
            // (checked above) is what a repair that stopped without recording left: in place as well.
            if (record.State is not (RegistryStates.Active or RegistryStates.Drifted or RegistryStates.Repairing or RegistryStates.TeardownFailed)
                || record.PeeringConnectionId is not { } pcx)
            {
                return new TeardownResult(null, record.State);
            }

            var (initiator, receiver) = SidesOf(record);
            var external = record.Receiver is { IsManaged: false, Uin: { } uin } side ? new ExternalReceiver(uin, side.Region, side.VpcId) : null;
            var externalInitiator = record.Initiator is { IsManaged: false, Uin: { } initiatorUin } initiatorSide
                ? new ExternalInitiator(initiatorUin, initiatorSide.Region, initiatorSide.VpcId)
                : null;
            var request = new TeardownRequest(pcx, initiator, receiver, record.Id, requestedBy, record.Name, external, externalInitiator);
            if (!await ScheduleTeardownAsync(client, teardownId, request, cancellationToken))
            {
                return new TeardownResult(null, LifecycleStates.TearingDown);
            }

            logger.LogInformation("Started teardown {TeardownId} of {PeeringConnectionId} from the registry (history purged)", teardownId, pcx);
            return new TeardownResult(teardownId, record.State);
        }, cancellationToken);

    /// <summary>
    /// The status of the Durable run <paramref name="id"/> when it still holds its VPC pair (running, or its peering in
    /// place or being torn down), else null: none, or one that ended without a peering or was torn down.
    /// </summary>
    public async Task<PeeringView?> InstanceHoldingPairAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        var view = PeeringView.From(instance, await FindTeardownAsync(client, instance, cancellationToken));
        return IsLive(instance) || HoldsPair(view) ? view : null;
    }

    /// <summary>A run's status shows its peering in place or running: it holds the VPC pair (and its pcx).</summary>
    public static bool HoldsPair(PeeringView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.RuntimeStatus is nameof(OrchestrationRuntimeStatus.Running) or nameof(OrchestrationRuntimeStatus.Pending) or nameof(OrchestrationRuntimeStatus.Suspended)
            || view.State is PeeringStatus.Active or LifecycleStates.TearingDown or LifecycleStates.TeardownFailed;
    }

    /// <summary>The bandwidth part of the peering's status document alone (for pages that read the instance themselves).</summary>
    public async Task<PeeringBandwidthView?> BandwidthOfAsync(DurableTaskClient client, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var request = instance.ReadInputAs<PeeringRequest>();
        if (request is null || !request.IsCrossRegion)
        {
            return null;
        }

        var outcome = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<PeeringOutcome>() : null;
        return PeeringBandwidthView.Of(request, instance, outcome, await FindBandwidthChangeAsync(client, instance, cancellationToken));
    }

    /// <summary>Peerings, newest first; <paramref name="state"/> matches the view's State (a step while running, the outcome once done).</summary>
    public async Task<IReadOnlyList<PeeringView>> ListAsync(DurableTaskClient client, string? state, CancellationToken cancellationToken)
    {
        // Teardown ids share the prefix, so one pass brings each peering and its teardown.
        var peerings = new List<OrchestrationMetadata>();
        var teardowns = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        var query = new OrchestrationQuery { InstanceIdPrefix = PeeringInstanceIds.Prefix, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (PeeringInstanceIds.IsPeeringId(instance.InstanceId))
            {
                peerings.Add(instance);
            }
            else if (PeeringInstanceIds.PeeringOfTeardown(instance.InstanceId) is { } peeringId)
            {
                teardowns[peeringId] = instance;
            }
        }

        // Bandwidth changes have a prefix of their own: one more pass brings them all.
        var changes = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        var changeQuery = new OrchestrationQuery { InstanceIdPrefix = PeeringInstanceIds.BandwidthChangePrefix, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(changeQuery).WithCancellation(cancellationToken))
        {
            if (PeeringInstanceIds.PeeringOfBandwidthChange(instance.InstanceId) is { } peeringId)
            {
                changes[peeringId] = instance;
            }
        }

        // The registry adds what Durable no longer (or never) held: purged histories, adopted peerings; and health to all.
        var records = await ListRecordsAsync(cancellationToken);
        var stuck = await ListStuckAsync(cancellationToken);
        var views = peerings.Select(instance =>
        {
            var teardown = TeardownOf(instance, teardowns.GetValueOrDefault(instance.InstanceId));
            return PeeringView.From(instance, teardown, BandwidthChangeOf(instance, changes.GetValueOrDefault(instance.InstanceId)))
                .WithRecord(records.GetValueOrDefault(instance.InstanceId), instance.IsRunning || teardown is { IsRunning: true }, LastWorkflowUpdate(instance, teardown))
                .WithStuck(stuck.GetValueOrDefault(instance.InstanceId));
        }).ToList();
        var shown = views.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        views.AddRange(records.Values
            .Where(record => !shown.Contains(record.Id))
            .Select(record => RegisteredPeeringView.From(record, teardowns.GetValueOrDefault(record.Id)).WithStuck(stuck.GetValueOrDefault(record.Id))));

        return views
            .Where(view => string.IsNullOrEmpty(state) || string.Equals(view.State, state, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(v => v.CreatedAt)
            .ToList();
    }

    /// <summary>Every registry record by id; an unreachable store leaves the list to Durable alone (logged), rather than failing it.</summary>
    private async Task<Dictionary<string, RegisteredPeering>> ListRecordsAsync(CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, RegisteredPeering>(StringComparer.Ordinal);
        try
        {
            await foreach (var record in registry.ListAsync(cancellationToken))
            {
                records[record.Id] = record;
            }
        }
        catch (PeeringRegistryException error)
        {
            logger.LogWarning("Listing the peering registry failed; the list shows Durable instances only: {Error}", error.Message);
        }

        return records;
    }

    /// <summary>The stuck check's report on this peering (or its teardown or repair), or null.</summary>
    public async Task<StuckView?> StuckOfAsync(string id, CancellationToken cancellationToken) =>
        (await ListStuckAsync(cancellationToken)).GetValueOrDefault(id);

    /// <summary>The stuck check's reports by peering; an unreachable store (or none) shows nothing stuck (logged).</summary>
    private async Task<Dictionary<string, StuckView>> ListStuckAsync(CancellationToken cancellationToken)
    {
        if (stuckMarks is null)
        {
            return new Dictionary<string, StuckView>(StringComparer.Ordinal);
        }

        var marks = new List<StuckMark>();
        try
        {
            await foreach (var mark in stuckMarks.ListAsync(cancellationToken))
            {
                marks.Add(mark);
            }
        }
        catch (PeeringRegistryException error)
        {
            logger.LogWarning("Listing the stuck marks failed; nothing is shown as stuck: {Error}", error.Message);
        }

        return StuckView.ByPeering(marks);
    }

    /// <summary>The peering's registry record, or null (none, or the store unreachable: logged).</summary>
    public async Task<RegisteredPeering?> TryGetRecordAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await registry.GetAsync(id, cancellationToken);
        }
        catch (PeeringRegistryException error)
        {
            logger.LogWarning("Reading {PeeringId} from the peering registry failed; shown from Durable only: {Error}", id, error.Message);
            return null;
        }
    }

    /// <summary>When the workflow last wrote this peering's history (its run, or its teardown): a record written later knows more.</summary>
    private static DateTimeOffset LastWorkflowUpdate(OrchestrationMetadata instance, OrchestrationMetadata? teardown) =>
        teardown is not null && teardown.LastUpdatedAt > instance.LastUpdatedAt ? teardown.LastUpdatedAt : instance.LastUpdatedAt;

    /// <summary>
    /// Raises the receiver's decision and waits (at most <paramref name="confirmWithin"/>) until the orchestrator has
    /// taken one: the first decision it takes wins, and a caller whose decision lost is told which one won. The caller
    /// has already checked that whoever decides may do so for <see cref="PeeringRequest.Receiver"/>. A caller retrying
    /// with the same <paramref name="idempotencyKey"/> produces the same decision id, which the orchestrator de-duplicates.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(
        DurableTaskClient client, OrchestrationMetadata instance, bool accept, string source, string decidedBy, string? idempotencyKey,
        CancellationToken cancellationToken, TimeSpan? confirmWithin = null, string? channel = null)
    {
        var at = audit?.Now();
        var result = await RaiseDecisionAsync(client, instance, accept, source, decidedBy, idempotencyKey, cancellationToken, confirmWithin);
        if (result.Raised && audit is not null)
        {
            await audit.RecordAsync(instance.InstanceId, at!.Value, accept ? AuditKinds.Accepted : AuditKinds.Rejected, decidedBy, channel ?? source,
                $"{(accept ? "Accepted" : "Rejected")} by {decidedBy} ({channel ?? source}){(result.Confirmed ? "" : "; sent, not yet confirmed by the workflow")}.",
                $"decision:{result.DecisionId}");
        }

        return result;
    }

    private async Task<DecisionResult> RaiseDecisionAsync(
        DurableTaskClient client, OrchestrationMetadata instance, bool accept, string source, string decidedBy, string? idempotencyKey,
        CancellationToken cancellationToken, TimeSpan? confirmWithin)
    {
        var decisionId = idempotencyKey is { Length: > 0 and <= 100 } ? $"{source}:{idempotencyKey}" : $"{source}:{Guid.NewGuid():N}";
        var progress = instance.ReadCustomStatusAs<PeeringProgress>();
        if (progress?.Decision is { } taken)
        {
            return DecisionResult.After(decisionId, taken, PeeringView.StateOf(instance, progress, null));
        }

        if (!instance.IsRunning || progress?.Step != PeeringSteps.WaitingForAcceptance)
        {
            return new DecisionResult(false, null, PeeringView.StateOf(instance, progress, null));
        }

        var decision = new AcceptanceDecision(decisionId, accept, source, decidedBy, progress.PeeringConnectionId);
        await client.RaiseEventAsync(instance.InstanceId, EventNames.Decision, decision, cancellationToken);
        logger.LogInformation("Raised {Decision} for {InstanceId} from {Source}", accept ? "accept" : "reject", instance.InstanceId, source);

        var (first, state, running) = await WaitForDecisionTakenAsync(client, instance.InstanceId, confirmWithin ?? DecisionConfirmationWait, cancellationToken);
        return first is not null ? DecisionResult.After(decisionId, first, state)
            : running ? new DecisionResult(true, decisionId, state, Confirmed: false)
            : new DecisionResult(false, null, state); // it ended (the deadline, say) without taking any decision
    }

    public Task<TeardownResult> TeardownAsync(
        DurableTaskClient client, OrchestrationMetadata instance, CancellationToken cancellationToken, string? requestedBy = null) =>
        Starts.RunAsync(
            PeeringInstanceIds.TeardownOf(instance.InstanceId), () => CheckThenTearDownAsync(client, instance, requestedBy, cancellationToken), cancellationToken);

    private async Task<TeardownResult> CheckThenTearDownAsync(
        DurableTaskClient client, OrchestrationMetadata instance, string? requestedBy, CancellationToken cancellationToken)
    {
        var teardown = await FindTeardownAsync(client, instance, cancellationToken);
        var view = PeeringView.From(instance, teardown);
        var outcome = view.Outcome;
        // A running teardown, or one that removed the peering, is not started again; a failed one may be retried.
        if (view.State is not (PeeringStatus.Active or LifecycleStates.TeardownFailed) || outcome?.PeeringConnectionId is null)
        {
            return new TeardownResult(null, view.State);
        }

        // A teardown racing a repair would undo what the repair puts back, or the repair recreate what it removed.
        if (await PeeringRepairs.IsRunningAsync(client, instance.InstanceId, cancellationToken))
        {
            return new TeardownResult(null, RegistryStates.Repairing);
        }

        var teardownId = PeeringInstanceIds.TeardownOf(instance.InstanceId);
        // What to remove comes from the registry when it holds this peering (it outlives Durable history), else from the outcome.
        var (initiator, receiver) = await RecordedSidesAsync(instance.InstanceId, outcome.PeeringConnectionId, cancellationToken)
            ?? (outcome.Initiator, outcome.Receiver);
        var request = instance.ReadInputAs<PeeringRequest>()!;
        var external = request.Receiver.ExternalUin is { } uin ? new ExternalReceiver(uin, request.Receiver.Region, request.Receiver.VpcId) : null;
        var teardownRequest = new TeardownRequest(outcome.PeeringConnectionId, initiator, receiver, instance.InstanceId, requestedBy, request.Name, external);
        if (!await ScheduleTeardownAsync(client, teardownId, teardownRequest, cancellationToken))
        {
            // Another teardown of this peering started a moment ago: exactly one runs.
            return new TeardownResult(null, LifecycleStates.TearingDown);
        }

        logger.LogInformation("Started teardown {TeardownId} of {PeeringConnectionId}", teardownId, outcome.PeeringConnectionId);
        return new TeardownResult(teardownId, view.State);
    }

    /// <returns>False when a teardown of this id is already live (the dedupe statuses refused a second one).</returns>
    private static async Task<bool> ScheduleTeardownAsync(DurableTaskClient client, string teardownId, TeardownRequest request, CancellationToken cancellationToken)
    {
        try
        {
            // Only a managed receiver has anything of ours to remove.
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(TeardownOrchestrator),
                request with { Receiver = request.Receiver is { Account: not null } managed ? managed : null },
                new StartOrchestrationOptions(teardownId) { Version = PeeringOrchestrator.CurrentVersion }.WithDedupeStatuses(LiveStatuses),
                cancellationToken);
            return true;
        }
        catch (Exception error) when (IsAlreadyExists(error))
        {
            return false;
        }
    }

    /// <summary>The sides the registry recorded for this peering and pcx, or null when it holds no such record.</summary>
    private async Task<(SideOutcome Initiator, SideOutcome? Receiver)?> RecordedSidesAsync(string id, string pcx, CancellationToken cancellationToken) =>
        await registry.GetAsync(id, cancellationToken) is { } record && record.PeeringConnectionId == pcx ? SidesOf(record) : null;

    /// <summary>A registry record's sides in the shape a teardown takes.</summary>
    private static (SideOutcome Initiator, SideOutcome? Receiver) SidesOf(RegisteredPeering record)
    {
        return (SideOf(record.Initiator), SideOf(record.Receiver));

        static SideOutcome SideOf(RegisteredSide side) => new(
            side.Account, side.Region, side.VpcId, side.RouteTableId, side.Destinations, side.CreatedRouteItemIds,
            [.. side.AssociationChanges.Select(c => new AssociationChange(c.SubnetId, c.PreviousRouteTableId, c.RouteTableId))]);
    }

    /// <summary>
    /// Starts a change of an active cross-region peering's bandwidth cap, one at a time per peering: the check ("is it
    /// active, cross-region, and is no change running?") and the start run as one step. Whether Tencent agrees is the
    /// orchestration's to find out; this only refuses what our own record already rules out.
    /// </summary>
    /// <param name="requestedBy">Who asked, and <paramref name="channel"/> the door, for the audit trail.</param>
    public async Task<BandwidthChangeResult> ChangeBandwidthAsync(
        DurableTaskClient client, OrchestrationMetadata instance, long bandwidthMbps, CancellationToken cancellationToken,
        string? requestedBy = null, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var at = audit?.Now();
        var result = await Starts.RunAsync(
            PeeringInstanceIds.BandwidthChangeOf(instance.InstanceId),
            () => CheckThenChangeBandwidthAsync(client, instance, bandwidthMbps, cancellationToken),
            cancellationToken);
        if (result.ChangeId is { } changeId && audit is not null)
        {
            await audit.RecordAsync(instance.InstanceId, at!.Value, AuditKinds.BandwidthChangeRequested, requestedBy, channel,
                $"Bandwidth change to {bandwidthMbps} Mbps asked for; started {changeId}.");
        }

        return result;
    }

    private async Task<BandwidthChangeResult> CheckThenChangeBandwidthAsync(
        DurableTaskClient client, OrchestrationMetadata instance, long bandwidthMbps, CancellationToken cancellationToken)
    {
        var request = instance.ReadInputAs<PeeringRequest>()!;
        var view = PeeringView.From(
            instance, await FindTeardownAsync(client, instance, cancellationToken), await FindBandwidthChangeAsync(client, instance, cancellationToken));
        if (view.State != PeeringStatus.Active || view.Outcome?.PeeringConnectionId is not { } pcx)
        {
            return BandwidthChangeResult.Refused(BandwidthChangeRefusal.NotActive,
                $"Only an active peering's bandwidth can change; {instance.InstanceId} is {view.State}.");
        }

        if (!request.IsCrossRegion)
        {
            return BandwidthChangeResult.Refused(BandwidthChangeRefusal.IntraRegion,
                $"{instance.InstanceId} joins two VPCs in {request.Initiator.Region}: an intra-region peering has no bandwidth cap to change.");
        }

        var changeId = PeeringInstanceIds.BandwidthChangeOf(instance.InstanceId);
        if (view.Bandwidth?.LastChange is { } running && running.IsRunning())
        {
            return BandwidthChangeResult.Refused(BandwidthChangeRefusal.ChangeRunning,
                $"A change to {running.RequestedMbps} Mbps is already running ({changeId}); wait until it ends.");
        }

        try
        {
            // The initiator's credentials: it requested the peering and Tencent bills it for the bandwidth.
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(BandwidthChangeOrchestrator),
                new BandwidthChangeRequest(pcx, request.Initiator.Account!, request.Initiator.Region, bandwidthMbps),
                new StartOrchestrationOptions(changeId).WithDedupeStatuses(LiveStatuses),
                cancellationToken);
        }
        catch (Exception error) when (IsAlreadyExists(error))
        {
            return BandwidthChangeResult.Refused(BandwidthChangeRefusal.ChangeRunning,
                $"Another bandwidth change of {instance.InstanceId} started a moment ago ({changeId}); wait until it ends.");
        }

        logger.LogInformation("Started bandwidth change {ChangeId} of {PeeringConnectionId} to {BandwidthMbps} Mbps", changeId, pcx, bandwidthMbps);
        return new BandwidthChangeResult(changeId, null, $"Changing the bandwidth cap of {pcx} to {bandwidthMbps} Mbps.");
    }

    /// <summary>Polls the instance until the orchestrator shows the decision it took, or it stops running, or time is up.</summary>
    private static async Task<(DecisionTaken? Taken, string State, bool Running)> WaitForDecisionTakenAsync(
        DurableTaskClient client, string instanceId, TimeSpan limit, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + limit;
        var pause = FirstDecisionPoll;
        while (true)
        {
            // Wait before each read: right after the event is raised the orchestrator cannot have taken it yet.
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestDecisionPoll.Ticks));
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            var progress = instance?.ReadCustomStatusAs<PeeringProgress>();
            var state = instance is null ? "gone" : PeeringView.StateOf(instance, progress, null);
            if (progress?.Decision is not null || instance is not { IsRunning: true } || DateTime.UtcNow >= until)
            {
                return (progress?.Decision, state, instance is { IsRunning: true });
            }
        }
    }

    /// <summary>The teardown of this peering's current run, or null (none yet, or one left from an earlier peering of the pair).</summary>
    private static async Task<OrchestrationMetadata?> FindTeardownAsync(DurableTaskClient client, OrchestrationMetadata peering, CancellationToken cancellationToken) =>
        TeardownOf(peering, await client.GetInstanceAsync(PeeringInstanceIds.TeardownOf(peering.InstanceId), getInputsAndOutputs: true, cancellationToken));

    private static OrchestrationMetadata? TeardownOf(OrchestrationMetadata peering, OrchestrationMetadata? teardown)
    {
        var pcx = peering.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? peering.ReadOutputAs<PeeringOutcome>()?.PeeringConnectionId : null;
        return teardown is not null && pcx is not null && teardown.ReadInputAs<TeardownRequest>()?.PeeringConnectionId == pcx ? teardown : null;
    }

    /// <summary>The latest bandwidth change of this peering's current run, or null (none yet, or one of an earlier peering of the pair).</summary>
    private static async Task<OrchestrationMetadata?> FindBandwidthChangeAsync(DurableTaskClient client, OrchestrationMetadata peering, CancellationToken cancellationToken) =>
        BandwidthChangeOf(peering, await client.GetInstanceAsync(PeeringInstanceIds.BandwidthChangeOf(peering.InstanceId), getInputsAndOutputs: true, cancellationToken));

    private static OrchestrationMetadata? BandwidthChangeOf(OrchestrationMetadata peering, OrchestrationMetadata? change)
    {
        var pcx = peering.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? peering.ReadOutputAs<PeeringOutcome>()?.PeeringConnectionId : null;
        return change is not null && pcx is not null && change.ReadInputAs<BandwidthChangeRequest>()?.PeeringConnectionId == pcx ? change : null;
    }

    private static bool IsLive(OrchestrationMetadata instance) =>
        instance.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    private static bool IsAlreadyExists(Exception error) =>
        error is DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException
        || (error.GetType().Name == "RpcException" && error.Message.Contains("AlreadyExists", StringComparison.OrdinalIgnoreCase))
        || (error.InnerException is { } inner && IsAlreadyExists(inner));
}

/// <param name="Started">False when a live instance or a peering still in place exists for the same VPC pair (<paramref name="View"/> shows it).</param>
/// <param name="Refusal">Why nothing was started, in a sentence that says what to do instead.</param>
public sealed record StartResult(string InstanceId, bool Started, PeeringView? View, string? Refusal = null);

/// <param name="Raised">True when this caller's decision is the one that counts (or was sent and is not yet confirmed).</param>
/// <param name="State">The peering's state word (why nothing was raised, when nothing was).</param>
/// <param name="Winner">The decision the orchestrator took, when it is not this caller's.</param>
/// <param name="Confirmed">False when the orchestrator had not taken a decision within the wait.</param>
public sealed record DecisionResult(bool Raised, string? DecisionId, string State, DecisionTaken? Winner = null, bool Confirmed = true)
{
    /// <summary>Once the orchestrator took <paramref name="taken"/>: ours if the ids match, else another's that won.</summary>
    public static DecisionResult After(string decisionId, DecisionTaken taken, string state) =>
        taken.DecisionId == decisionId ? new(true, decisionId, state) : new(false, null, state, taken);
}

/// <summary>Who a peering joins: enough to check who may act on it.</summary>
public sealed record PeeringParties(string Id, string Name, string InitiatorAccount, string? ReceiverAccount, string? ReceiverUin);

/// <param name="TeardownId">Null when no teardown was started (then <paramref name="State"/> says why: not active, being or already torn down).</param>
public sealed record TeardownResult(string? TeardownId, string State);

/// <summary>Why a bandwidth change was not started: each is a conflict with the peering's state, not bad input.</summary>
public enum BandwidthChangeRefusal
{
    /// <summary>The peering is not Active (still running, failed, being or torn down).</summary>
    NotActive,

    /// <summary>Both VPCs are in one region: there is no bandwidth cap.</summary>
    IntraRegion,

    /// <summary>Another change of this peering is running.</summary>
    ChangeRunning,
}

/// <param name="ChangeId">The started change's instance id; null when refused.</param>
/// <param name="Message">What was started, or why nothing was, in a sentence.</param>
public sealed record BandwidthChangeResult(string? ChangeId, BandwidthChangeRefusal? Refusal, string Message)
{
    public static BandwidthChangeResult Refused(BandwidthChangeRefusal refusal, string message) => new(null, refusal, message);
}
