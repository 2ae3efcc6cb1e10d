using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.HttpApi;

/// <summary>
/// What every front door can do — start, look up, list, decide, tear down — on the Durable client it is given.
/// The HTTP API and the chat commands both call this, each after its own authentication; nothing here decides
/// about the peering itself (that is the orchestrator's job).
/// </summary>
public sealed class PeeringOperations(ILogger<PeeringOperations> logger)
{
    public async Task<StartResult> StartAsync(DurableTaskClient client, PeeringRequest request, CancellationToken cancellationToken)
    {
        var id = PeeringInstanceIds.For(request);
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (existing is not null && IsLive(existing))
        {
            return new StartResult(id, Started: false, PeeringView.From(existing, await FindTeardownAsync(client, id, cancellationToken)));
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(PeeringOrchestrator),
                request,
                new StartOrchestrationOptions(id).WithDedupeStatuses(
                    OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended),
                cancellationToken);
        }
        catch (Exception error) when (IsAlreadyExists(error))
        {
            // Two identical requests raced past the check above; the other one won.
            var winner = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            return new StartResult(id, Started: false, winner is null ? null : PeeringView.From(winner, null));
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
        return instance is null ? null : PeeringView.From(instance, await FindTeardownAsync(client, id, cancellationToken));
    }

    /// <summary>Peerings, newest first; <paramref name="state"/> matches the view's State (a step while running, the outcome once done).</summary>
    public async Task<IReadOnlyList<PeeringView>> ListAsync(DurableTaskClient client, string? state, CancellationToken cancellationToken)
    {
        var views = new List<PeeringView>();
        var query = new OrchestrationQuery { InstanceIdPrefix = PeeringInstanceIds.Prefix, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (!PeeringInstanceIds.IsPeeringId(instance.InstanceId))
            {
                continue;
            }

            var view = PeeringView.From(instance, null);
            if (string.IsNullOrEmpty(state) || string.Equals(view.State, state, StringComparison.OrdinalIgnoreCase))
            {
                views.Add(view);
            }
        }

        return views.OrderByDescending(v => v.CreatedAt).ToList();
    }

    /// <summary>
    /// Raises the receiver's decision. The caller has already checked that whoever decides may do so for
    /// <see cref="PeeringRequest.Receiver"/>. A caller retrying with the same <paramref name="idempotencyKey"/>
    /// produces the same decision id, which the orchestrator de-duplicates.
    /// </summary>
    public async Task<DecisionResult> DecideAsync(
        DurableTaskClient client, OrchestrationMetadata instance, bool accept, string source, string decidedBy, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var progress = instance.ReadCustomStatusAs<PeeringProgress>();
        if (!instance.IsRunning || progress?.Step != PeeringSteps.WaitingForAcceptance)
        {
            return new DecisionResult(false, null, PeeringView.StateOf(instance, progress, null));
        }

        var decisionId = idempotencyKey is { Length: > 0 and <= 100 } ? $"{source}:{idempotencyKey}" : $"{source}:{Guid.NewGuid():N}";
        var decision = new AcceptanceDecision(decisionId, accept, source, decidedBy, progress.PeeringConnectionId);
        await client.RaiseEventAsync(instance.InstanceId, EventNames.Decision, decision, cancellationToken);
        logger.LogInformation("Raised {Decision} for {InstanceId} from {Source}", accept ? "accept" : "reject", instance.InstanceId, source);
        return new DecisionResult(true, decisionId, progress.Step);
    }

    public async Task<TeardownResult> TeardownAsync(DurableTaskClient client, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        var outcome = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<PeeringOutcome>() : null;
        if (outcome?.Status != PeeringStatus.Active || outcome.PeeringConnectionId is null)
        {
            return new TeardownResult(null, PeeringView.StateOf(instance, instance.ReadCustomStatusAs<PeeringProgress>(), outcome));
        }

        var teardownId = PeeringInstanceIds.TeardownOf(instance.InstanceId);
        var running = await client.GetInstanceAsync(teardownId, getInputsAndOutputs: false, cancellationToken);
        if (running is not { IsRunning: true })
        {
            var receiver = outcome.Receiver is { Account: not null } managed ? managed : null;
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(TeardownOrchestrator),
                new TeardownRequest(outcome.PeeringConnectionId, outcome.Initiator, receiver),
                new StartOrchestrationOptions(teardownId),
                cancellationToken);
        }

        return new TeardownResult(teardownId, PeeringStatus.Active);
    }

    private static Task<OrchestrationMetadata?> FindTeardownAsync(DurableTaskClient client, string id, CancellationToken cancellationToken) =>
        client.GetInstanceAsync(PeeringInstanceIds.TeardownOf(id), getInputsAndOutputs: true, cancellationToken);

    private static bool IsLive(OrchestrationMetadata instance) =>
        instance.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    private static bool IsAlreadyExists(Exception error) =>
        error is DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException
        || (error.GetType().Name == "RpcException" && error.Message.Contains("AlreadyExists", StringComparison.OrdinalIgnoreCase))
        || (error.InnerException is { } inner && IsAlreadyExists(inner));
}

/// <param name="Started">False when a live instance for the same VPC pair already exists (<paramref name="View"/> shows it).</param>
public sealed record StartResult(string InstanceId, bool Started, PeeringView? View);

/// <param name="State">The peering's state word when it was not waiting (why nothing was raised).</param>
public sealed record DecisionResult(bool Raised, string? DecisionId, string State);

/// <param name="TeardownId">Null when the peering is not active (then <paramref name="State"/> says what it is).</param>
public sealed record TeardownResult(string? TeardownId, string State);
