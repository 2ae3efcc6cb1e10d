using PeeringFunctions.Peerings.Auditing;
using PeeringFunctions.Registry.Audit;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Planning;
using PeeringFunctions.Workflow.Reads;

namespace PeeringFunctions.Peerings.Topologies;

/// <summary>
/// The topology use cases every front door calls: plan (reads only), start, look up, decide for one account, tear
/// down. The decisions about the pairs are the orchestrator's and each pair's workflow's; this only refuses what the
/// plan or the topology's own state already rules out.
/// </summary>
public sealed class TopologyOperations(
    ITencentClientFactory clients,
    IOptionsMonitor<TencentOptions> tencent,
    PeeringOperations peerings,
    ILogger<TopologyOperations> logger,
    PeeringAudit? audit = null)
{
    private static readonly TimeSpan DecisionConfirmationWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DecisionPollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly InstanceStartGate Starts = InstanceStartGate.Shared;

    private static readonly OrchestrationRuntimeStatus[] LiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Tencent's quotas as configured ("Tencent:Quotas"), which validation and planning check.</summary>
    public TencentLimits Limits
    {
        get
        {
            var quotas = tencent.CurrentValue.Quotas;
            return new TencentLimits(quotas.LivePeeringsPerVpc, quotas.RoutesPerRouteTable);
        }
    }

    public bool IsManaged(string account) => clients.IsManaged(account);

    /// <summary>
    /// The plan, on reads only: every member's VPC, route tables and peerings (pre-flight's reads, all members at once),
    /// and which pairs a peering of ours already holds. A member that cannot be read is a problem of the plan.
    /// </summary>
    public async Task<TopologyPlan> PlanAsync(DurableTaskClient client, TopologyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reads = request.Members.Select(async member =>
        {
            try
            {
                return (member.VpcId, Facts: await PreflightReads.SideAsync(clients.Create(member.Account!, member.Region), member.VpcId), Problem: (string?)null);
            }
            catch (TencentCloudSDKException error)
            {
                return (member.VpcId, Facts: (SideFacts?)null, Problem: $"Reading {member.Describe()} failed: {error.Code}: {error.Message}");
            }
        }).ToList();
        var read = await Task.WhenAll(reads);
        if (read.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList() is { Count: > 0 } readProblems)
        {
            return new TopologyPlan([], [], new Dictionary<string, int>(), readProblems);
        }

        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (initiator, receiver) in TopologyPlanner.PairsOf(request))
        {
            var id = PeeringInstanceIds.ForPair(initiator.VpcId, receiver.VpcId);
            if (await peerings.InstanceHoldingPairAsync(client, id, cancellationToken) is { } view)
            {
                held[id] = view.State;
            }
            else if (await peerings.TryGetRecordAsync(id, cancellationToken) is { } record && RegistryLife.IsInPlace(record.State))
            {
                held[id] = record.State;
            }
        }

        return TopologyPlanner.Plan(
            request, read.ToDictionary(r => r.VpcId, r => r.Facts!, StringComparer.Ordinal),
            account => clients.UinOf(account) ?? throw new UnknownAccountException(account),
            Limits, PeeringInstanceIds.ForPair, held);
    }

    /// <summary>Plans the topology and, unless <paramref name="dryRun"/> or the plan is refused, starts it.</summary>
    public Task<TopologyStartResult> StartAsync(DurableTaskClient client, TopologyRequest request, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = TopologyIds.For(request.Name);
        var at = audit?.Now();
        return Starts.RunAsync(id, async () =>
        {
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) is { } existing && !dryRun
                && await HoldsAnythingAsync(client, existing, cancellationToken))
            {
                return new TopologyStartResult(id, TopologyStartOutcome.Exists, null,
                    $"A topology named '{request.Name}' exists ({id}, {StateOf(existing)}). Tear it down first, or choose another name.");
            }

            var plan = await PlanAsync(client, request, cancellationToken);
            var view = TopologyPlanView.Of(id, request, plan);
            if (!plan.Feasible)
            {
                return new TopologyStartResult(id, TopologyStartOutcome.Refused, view, $"The plan breaks {plan.Problems.Count} rule(s); nothing was created.");
            }

            if (dryRun)
            {
                return new TopologyStartResult(id, TopologyStartOutcome.DryRun, view);
            }

            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(TopologyOrchestrator),
                new TopologyStart(request, plan.Pairs, plan.Consents),
                new StartOrchestrationOptions(id) { Version = TopologyOrchestrator.CurrentVersion }.WithDedupeStatuses(LiveStatuses),
                cancellationToken);
            logger.LogInformation("Started topology {TopologyId}: {Shape} of {Members} VPCs, {Pairs} pairs", id, request.Shape, request.Members.Count, plan.Pairs.Count);
            await AuditRequestedAsync(id, request, plan.Pairs, at);
            return new TopologyStartResult(id, TopologyStartOutcome.Started, view);
        }, cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="extended"/>'s last member to the ended topology <paramref name="instance"/>: plans and asks
    /// consent for its own pairs only. The pairs in place are kept (reused: no consent, nothing written); the pairs
    /// that are not (not consented, failed) stay out, as the topology had them. Runs under the same id, replacing the
    /// ended run; refused while it runs.
    /// </summary>
    public Task<TopologyStartResult> AddMemberAsync(
        DurableTaskClient client, OrchestrationMetadata instance, TopologyRequest extended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(extended);
        var id = instance.InstanceId;
        var at = audit?.Now();
        return Starts.RunAsync(id, async () =>
        {
            var current = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (current is null || current.IsRunning || current.RuntimeStatus == OrchestrationRuntimeStatus.Pending
                || current.ReadInputAs<TopologyStart>() is not { } start)
            {
                return new TopologyStartResult(id, TopologyStartOutcome.Exists, null,
                    $"The topology is {(current is null ? "gone" : StateOf(current))}; add a member once it has ended.");
            }

            var inPlace = (current.ReadOutputAs<TopologyOutcome>()?.Pairs ?? [])
                .Where(p => p.State is PeeringStatus.Active or PairStates.Reused).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var notInPlace = TopologyPlanner.PairsOf(start.Request)
                .Where(p => !inPlace.Contains(PeeringInstanceIds.ForPair(p.Initiator.VpcId, p.Receiver.VpcId)))
                .Select(p => new VpcPair(p.Initiator.VpcId, p.Receiver.VpcId));
            var request = extended with { ExcludedPairs = [.. extended.ExcludedPairs ?? [], .. notInPlace] };
            var plan = await PlanAsync(client, request, cancellationToken);
            var view = TopologyPlanView.Of(id, request, plan);
            if (!plan.Feasible)
            {
                return new TopologyStartResult(id, TopologyStartOutcome.Refused, view, $"The plan breaks {plan.Problems.Count} rule(s); nothing was created.");
            }

            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(TopologyOrchestrator),
                new TopologyStart(request, plan.Pairs, plan.Consents),
                new StartOrchestrationOptions(id) { Version = TopologyOrchestrator.CurrentVersion }.WithDedupeStatuses(LiveStatuses),
                cancellationToken);
            logger.LogInformation("Topology {TopologyId} grows to {Members} VPCs: {New} new pairs", id, request.Members.Count, plan.Pairs.Count(p => !p.Reused));
            await AuditRequestedAsync(id, request, plan.Pairs, at);
            return new TopologyStartResult(id, TopologyStartOutcome.Started, view);
        }, cancellationToken);
    }

    public async Task<OrchestrationMetadata?> FindAsync(DurableTaskClient client, string id, CancellationToken cancellationToken) =>
        TopologyIds.IsTopologyId(id) && await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) is { } instance
        && instance.Name == nameof(TopologyOrchestrator) ? instance : null;

    /// <summary>The topology with each pair's progress, or null when there is none.</summary>
    public async Task<TopologyView?> GetAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(client, id, cancellationToken);
        if (instance?.ReadInputAs<TopologyStart>() is not { } start)
        {
            return null;
        }

        var outcome = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<TopologyOutcome>() : null;
        var progress = instance.ReadCustomStatusAs<TopologyProgress>();
        var ended = (outcome?.Pairs ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var pairs = new List<TopologyPairView>();
        for (var i = 0; i < start.Pairs.Count; i++)
        {
            var pair = start.Pairs[i];
            var state = ended.GetValueOrDefault(pair.Id)
                ?? new PairProgress(pair.Id, progress?.PairStates.ElementAtOrDefault(i) ?? (pair.Reused ? PairStates.Reused : PairStates.WaitingForConsent));
            // The pair's own peering says how it stands now: its step while it runs, torn down or drifted later.
            var peering = state.State is PairStates.Running or PairStates.Reused or PeeringStatus.Active
                ? await peerings.GetAsync(client, pair.Id, cancellationToken)
                : null;
            pairs.Add(new TopologyPairView(
                pair.Id, TopologyMemberView.Of(pair.Initiator), TopologyMemberView.Of(pair.Receiver), pair.CrossRegion,
                state.State, peering?.State, state.PeeringConnectionId ?? peering?.PeeringConnectionId, state.Message));
        }

        var request = start.Request;
        return new TopologyView(
            id, request.Name, request.Shape, request.Hub, StateOf(instance), instance.RuntimeStatus.ToString(),
            outcome?.Message ?? progress?.Message, progress?.ConsentDeadline,
            outcome?.Accounts ?? progress?.Accounts ?? [.. start.Consents.Select(c => new AccountProgress(c.Account, c.PairIds.Count, ConsentStates.Waiting))],
            pairs, instance.CreatedAt, instance.LastUpdatedAt,
            new Dictionary<string, string>
            {
                ["self"] = HttpRoutes.PathOf(HttpRoutes.Topology, id),
                ["accept"] = HttpRoutes.PathOf(HttpRoutes.TopologyAccept, id),
                ["reject"] = HttpRoutes.PathOf(HttpRoutes.TopologyReject, id),
            });
    }

    /// <summary>The receiving accounts asked for consent, as the running topology shows them (empty once it no longer waits).</summary>
    public static IReadOnlyList<string> AccountsAsked(OrchestrationMetadata instance) =>
        instance?.ReadInputAs<TopologyStart>()?.Consents.Select(c => c.Account).ToList() ?? [];

    /// <summary>
    /// Raises one account's decision for all its pairs and waits (a few seconds) until the orchestrator has taken it. The
    /// caller has checked that whoever decides is an approver of <paramref name="account"/>. A retry with the same
    /// <paramref name="idempotencyKey"/> raises the same decision id, which the orchestrator de-duplicates.
    /// </summary>
    public async Task<TopologyDecisionResult> DecideAsync(
        DurableTaskClient client, OrchestrationMetadata instance, string account, bool accept, string source, string decidedBy,
        string? idempotencyKey, CancellationToken cancellationToken, TimeSpan? confirmWithin = null, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var at = audit?.Now();
        var result = await RaiseDecisionAsync(client, instance, account, accept, source, decidedBy, idempotencyKey, cancellationToken, confirmWithin);
        if (result.Raised && audit is not null && instance.ReadInputAs<TopologyStart>() is { } start)
        {
            // Each pair's own trail says who consented for it, once per decision (a redelivered click writes nothing).
            foreach (var pair in start.Pairs.Where(p => p.ReceivingAccount == account && !p.Reused))
            {
                await audit.RecordAsync(pair.Id, at!.Value, accept ? AuditKinds.Accepted : AuditKinds.Rejected, decidedBy, channel ?? source,
                    $"{(accept ? "Accepted" : "Rejected")} by {decidedBy} ({channel ?? source}) for every pair {account} receives in {instance.InstanceId}" +
                    $"{(result.Confirmed ? "" : "; sent, not yet confirmed by the workflow")}.",
                    $"decision:{result.DecisionId}:{pair.Id}");
            }
        }

        return result;
    }

    private async Task<TopologyDecisionResult> RaiseDecisionAsync(
        DurableTaskClient client, OrchestrationMetadata instance, string account, bool accept, string source, string decidedBy,
        string? idempotencyKey, CancellationToken cancellationToken, TimeSpan? confirmWithin)
    {
        var progress = instance.ReadCustomStatusAs<TopologyProgress>();
        if (progress?.Accounts.FirstOrDefault(a => a.Account == account) is { Decision: not ConsentStates.Waiting } decided)
        {
            return new TopologyDecisionResult(false, null, StateOf(instance), decided);
        }

        if (!instance.IsRunning || progress?.Step != TopologySteps.WaitingForConsent)
        {
            return new TopologyDecisionResult(false, null, StateOf(instance), null);
        }

        var decisionId = idempotencyKey is { Length: > 0 and <= 100 } ? $"{source}:{account}:{idempotencyKey}" : $"{source}:{account}:{Guid.NewGuid():N}";
        await client.RaiseEventAsync(instance.InstanceId, TopologyEventNames.Decision,
            new TopologyDecision(decisionId, account, accept, source, decidedBy), cancellationToken);
        logger.LogInformation("Raised {Decision} of {Account} for topology {TopologyId} from {Source}", accept ? "accept" : "reject", account, instance.InstanceId, source);

        var until = DateTime.UtcNow + (confirmWithin ?? DecisionConfirmationWait);
        while (true)
        {
            var now = await client.GetInstanceAsync(instance.InstanceId, getInputsAndOutputs: true, cancellationToken);
            var taken = now?.ReadCustomStatusAs<TopologyProgress>()?.Accounts.FirstOrDefault(a => a.Account == account);
            if (taken is { Decision: not ConsentStates.Waiting })
            {
                return taken.DecisionId == decisionId
                    ? new TopologyDecisionResult(true, decisionId, StateOf(now!), taken)
                    : new TopologyDecisionResult(false, null, StateOf(now!), taken);
            }

            if (now is not { IsRunning: true } || DateTime.UtcNow >= until)
            {
                return new TopologyDecisionResult(now is { IsRunning: true }, decisionId, now is null ? "gone" : StateOf(now), null, Confirmed: false);
            }

            await Task.Delay(DecisionPollInterval, cancellationToken);
        }
    }

    /// <summary>Each new pair's trail starts with the topology's request, as a single request's does.</summary>
    private async Task AuditRequestedAsync(string id, TopologyRequest request, IEnumerable<TopologyPair> pairs, DateTimeOffset? at)
    {
        if (audit is null)
        {
            return;
        }

        foreach (var pair in pairs.Where(p => !p.Reused))
        {
            await audit.RecordAsync(pair.Id, at!.Value, AuditKinds.RequestReceived, request.RequestedBy, AuditChannels.Http,
                $"Requested as a pair of topology {id} (\"{request.Name}\", {request.Shape}): {pair.Initiator.Describe()} → {pair.Receiver.Describe()}.");
        }
    }

    /// <summary>
    /// Tears down every pair the topology created (each as a peering's teardown; a reused pair that was there before it
    /// stays, one an earlier run of it made goes too).
    /// Null when there is no such topology; refused while it still runs.
    /// </summary>
    public async Task<TopologyTeardownResult?> TeardownAsync(DurableTaskClient client, string id, string? requestedBy, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(client, id, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        if (instance.IsRunning || instance.ReadOutputAs<TopologyOutcome>() is not { } outcome)
        {
            return new TopologyTeardownResult(false, StateOf(instance), []);
        }

        var pairs = new List<PairTeardown>();
        foreach (var pair in outcome.Pairs.Where(p => p.State is PeeringStatus.Active or PairStates.Reused))
        {
            // A reused pair is this topology's when an earlier run of it made the peering (before a member was added).
            if (pair.State == PairStates.Reused
                && (await peerings.GetAsync(client, pair.Id, cancellationToken))?.RequestedBy?.StartsWith($"topology {id}", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var result = await peerings.TeardownByIdAsync(client, pair.Id, requestedBy ?? $"topology {id}", cancellationToken);
            pairs.Add(new PairTeardown(pair.Id, result?.TeardownId, result?.State ?? "gone"));
        }

        logger.LogInformation("Teardown of topology {TopologyId}: {Started} of {Pairs} pair teardowns started", id, pairs.Count(p => p.TeardownId is not null), pairs.Count);
        return new TopologyTeardownResult(true, StateOf(instance), pairs);
    }

    private async Task<bool> HoldsAnythingAsync(DurableTaskClient client, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        if (instance.IsRunning || instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            return true;
        }

        foreach (var pair in instance.ReadOutputAs<TopologyOutcome>()?.Pairs.Where(p => p.State == PeeringStatus.Active) ?? [])
        {
            if (await peerings.InstanceHoldingPairAsync(client, pair.Id, cancellationToken) is { } view && view.State != LifecycleStates.TornDown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The step while it runs, then how it ended.</summary>
    public static string StateOf(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => instance.ReadOutputAs<TopologyOutcome>()?.Status ?? "Completed",
            OrchestrationRuntimeStatus.Pending => "Starting",
            OrchestrationRuntimeStatus.Running => instance.ReadCustomStatusAs<TopologyProgress>()?.Step ?? "Starting",
            var other => other.ToString(),
        };
    }
}

public enum TopologyStartOutcome
{
    Started,
    DryRun,

    /// <summary>The plan cannot be carried out: nothing was created.</summary>
    Refused,

    /// <summary>A topology of that name runs, or still holds peerings.</summary>
    Exists,
}

public sealed record TopologyStartResult(string Id, TopologyStartOutcome Outcome, TopologyPlanView? Plan, string? Message = null);

/// <param name="Raised">True when this caller's decision is the account's (or was sent and is not yet confirmed).</param>
/// <param name="Taken">The account's decision the topology holds, when it holds one.</param>
public sealed record TopologyDecisionResult(bool Raised, string? DecisionId, string State, AccountProgress? Taken, bool Confirmed = true);

/// <param name="Started">False when the topology still runs (nothing was started).</param>
public sealed record TopologyTeardownResult(bool Started, string State, IReadOnlyList<PairTeardown> Pairs);

/// <param name="TeardownId">Null when the pair's peering was not torn down (then <paramref name="State"/> says why).</param>
public sealed record PairTeardown(string Id, string? TeardownId, string State);
