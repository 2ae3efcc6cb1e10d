using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Peerings.Auditing;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Peerings.Repairs;

/// <summary>
/// Starts repairs of registered peerings: for the watcher (<see cref="StartAsync"/>, per the peering's policy), for a
/// person (<see cref="RepairNowAsync"/>, whatever the policy) and the one-click "extend routes" for a CIDR the peer
/// gained (<see cref="ExtendRoutesAsync"/>). Refuses, writing nothing, while a teardown or another repair of the
/// peering runs or when it is no longer in place; otherwise marks the record Repairing and schedules
/// <see cref="RepairOrchestrator"/> as "repair-{id}", one at a time per peering.
/// </summary>
public sealed class PeeringRepairs(IPeeringRegistry registry, TimeProvider time, ILogger<PeeringRepairs> logger, PeeringAudit? audit = null)
{
    /// <summary>Who asked, when the watcher did.</summary>
    public const string Watcher = "watcher";

    private static readonly OrchestrationRuntimeStatus[] LiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>
    /// The watcher's entry: the cleanup when the peer deleted the peering (whatever the policy: routes to a deleted
    /// peering carry nothing); otherwise, under policy "repair", the repair of routes and subnet associations.
    /// </summary>
    public Task<RepairStartResult> StartAsync(DurableTaskClient client, RegisteredPeering record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return StartOneAsync(client, record.Id, current =>
            HasFinding(current, DriftKinds.PeeringGone) ? RepairKinds.PeerDeletedCleanup
            : current.RepairPolicy == RepairPolicies.Repair ? RepairKinds.Repair
            : null, Watcher, AuditChannels.Watcher, $"{record.Id}'s repair policy is \"{record.RepairPolicy}\": its drift is reported, not repaired.", ct);
    }

    /// <summary>A person's repair (policy notify, or after a failed repair).</summary>
    /// <returns>Null when the registry holds no peering with this id.</returns>
    /// <param name="channel">The door it came through, for the audit trail (the JSON API unless said).</param>
    public Task<RepairStartResult?> RepairNowAsync(
        DurableTaskClient client, string id, CancellationToken ct, string requestedBy = "portal", string channel = AuditChannels.Http) =>
        IfKnownAsync(id, () => StartOneAsync(client, id, current =>
            HasFinding(current, DriftKinds.PeeringGone) ? RepairKinds.PeerDeletedCleanup : RepairKinds.Repair, requestedBy, channel, null, ct), ct);

    /// <summary>Routes through the peering for the CIDRs the peer VPC gained (its CidrAdded findings), after pre-flight.</summary>
    /// <returns>Null when the registry holds no peering with this id.</returns>
    public Task<RepairStartResult?> ExtendRoutesAsync(
        DurableTaskClient client, string id, CancellationToken ct, string requestedBy = "portal", string channel = AuditChannels.Http) =>
        IfKnownAsync(id, () => StartOneAsync(client, id, _ => RepairKinds.ExtendRoutes, requestedBy, channel, null, ct), ct);

    private async Task<RepairStartResult?> IfKnownAsync(string id, Func<Task<RepairStartResult>> start, CancellationToken ct) =>
        PeeringInstanceIds.IsPeeringId(id) && await registry.GetAsync(id, ct) is not null ? await start() : null;

    /// <param name="kindOf">The kind of repair the current record calls for; null: none, for <paramref name="noKind"/>.</param>
    private Task<RepairStartResult> StartOneAsync(
        DurableTaskClient client, string id, Func<RegisteredPeering, string?> kindOf, string requestedBy, string channel, string? noKind, CancellationToken ct) =>
        // Under the teardown's id: a teardown and a repair of one peering check each other as one step.
        InstanceStartGate.Shared.RunAsync(PeeringInstanceIds.TeardownOf(id), async () =>
        {
            var at = time.GetUtcNow();
            if (await client.GetInstanceAsync(PeeringInstanceIds.TeardownOf(id), getInputsAndOutputs: false, ct) is { } teardown && IsLive(teardown))
            {
                return RepairStartResult.Refused($"A teardown of {id} is running; a repair now would race it. Nothing was changed.");
            }

            // The record as stored now: the caller's copy may be a tick old.
            if (await registry.GetAsync(id, ct) is not { } current)
            {
                return RepairStartResult.Refused($"The registry holds no peering {id}.");
            }

            if (current.State is not (RegistryStates.Active or RegistryStates.Drifted or RegistryStates.Repairing))
            {
                return RepairStartResult.Refused($"{id} is {current.State}: only a peering in place (Active or Drifted) is repaired.");
            }

            var repairId = PeeringInstanceIds.RepairOf(id);
            if (await IsRunningAsync(client, id, ct))
            {
                return RepairStartResult.Refused($"A repair of {id} is already running ({repairId}); wait until it ends.");
            }

            if (kindOf(current) is not { } kind)
            {
                return RepairStartResult.Refused(noKind ?? $"{id} has nothing to repair.");
            }

            if (RepairRequests.From(current, kind, requestedBy) is not { } request)
            {
                return RepairStartResult.Refused(NothingToDo(current, kind));
            }

            // Repairing only from a state in place (a Repairing left by a repair that crashed counts: none is live).
            var marked = false;
            await registry.UpdateAsync(id, record =>
            {
                marked = record.State is RegistryStates.Active or RegistryStates.Drifted or RegistryStates.Repairing;
                return marked ? record with { State = RegistryStates.Repairing, UpdatedAt = time.GetUtcNow() } : null;
            }, ct);
            if (!marked)
            {
                return RepairStartResult.Refused($"{id} changed state a moment ago; nothing was repaired.");
            }

            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(RepairOrchestrator), request, new StartOrchestrationOptions(repairId).WithDedupeStatuses(LiveStatuses), ct);
            }
            catch (Exception error) when (IsAlreadyExists(error))
            {
                return RepairStartResult.Refused($"Another repair of {id} started a moment ago ({repairId}); wait until it ends.");
            }

            logger.LogInformation("Started {Kind} {RepairId} of {PeeringConnectionId} for {RequestedBy}: {Count} finding(s)",
                kind, repairId, request.PeeringConnectionId, requestedBy, request.Fixes.Count);
            if (audit is not null)
            {
                await audit.RecordAsync(id, at, AuditKinds.RepairRequested, requestedBy, channel,
                    $"{kind} asked for ({request.Fixes.Count} finding(s): {string.Join("; ", request.Fixes.Select(f => f.Description))}); started {repairId}.");
            }

            return new RepairStartResult(repairId, null);
        }, ct);

    private static string NothingToDo(RegisteredPeering record, string kind)
    {
        var findings = record.Health?.Findings ?? [];
        return kind switch
        {
            RepairKinds.ExtendRoutes => $"{record.Id} has no new CIDR of the peer VPC to route (no CidrAdded finding on a managed side).",
            _ when findings.Any(f => f.Kind == DriftKinds.CidrAdded) =>
                $"{record.Id} has nothing to repair; the peer VPC's new CIDR is added with POST {HttpRoutes.PathOf(HttpRoutes.ExtendRoutes, record.Id)}.",
            _ when findings.Any(f => f.Kind == DriftKinds.RouteRedirected) =>
                $"{record.Id} has nothing to repair: a route pointed elsewhere is reported, never overridden.",
            _ => $"{record.Id} has nothing to repair: the watcher's last check found no drift.",
        };
    }

    private static bool HasFinding(RegisteredPeering record, string kind) => record.Health?.Findings.Any(f => f.Kind == kind) == true;

    /// <summary>Whether a repair of <paramref name="id"/> is running (or queued to run).</summary>
    public static async Task<bool> IsRunningAsync(DurableTaskClient client, string id, CancellationToken ct) =>
        await client.GetInstanceAsync(PeeringInstanceIds.RepairOf(id), getInputsAndOutputs: false, ct) is { } repair && IsLive(repair);

    private static bool IsLive(OrchestrationMetadata instance) => LiveStatuses.Contains(instance.RuntimeStatus);

    private static bool IsAlreadyExists(Exception error) =>
        error is DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException
        || (error.GetType().Name == "RpcException" && error.Message.Contains("AlreadyExists", StringComparison.OrdinalIgnoreCase))
        || (error.InnerException is { } inner && IsAlreadyExists(inner));
}
