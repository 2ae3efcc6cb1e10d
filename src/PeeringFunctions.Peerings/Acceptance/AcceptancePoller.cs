using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Peerings.Auditing;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Paging;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Acceptance;

/// <summary>
/// Notices decisions made outside our API (the Tencent console, or an external receiver's own tooling): finds the
/// orchestrations waiting for acceptance, asks Tencent about them with as few calls as possible — one paged
/// DescribeVpcPeeringConnections per (initiator account, region), by id, 100 ids a page — and raises the same
/// decision event the HTTP function raises for each peering Tencent shows decided.
/// </summary>
public sealed class AcceptancePoller(ITencentClientFactory clients, ILogger<AcceptancePoller> logger, PeeringAudit? audit = null)
{
    /// <summary>Tencent's page size cap; also the most ids we put in one request.</summary>
    public const int PageSize = TencentPaging.PageSize;

    private static readonly HashSet<string> DecidedStates = [PeeringConnectionStates.Active, PeeringConnectionStates.Rejected, PeeringConnectionStates.Expired, PeeringConnectionStates.Deleted];

    public async Task<PollReport> PollAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var waiting = await FindWaitingAsync(durable, cancellationToken);
        var groups = waiting.GroupBy(w => (w.InitiatorAccount, w.InitiatorRegion)).ToList();
        var results = await Task.WhenAll(groups.Select(group => PollGroupAsync(durable, group.Key, group.ToList(), cancellationToken)));
        var report = new PollReport(
            waiting.Count,
            groups.Count,
            results.Sum(r => r.Calls),
            results.SelectMany(r => r.Raised).ToList(),
            results.Select(r => r.Error).OfType<string>().ToList());
        if (report.Raised.Count > 0 || report.GroupErrors.Count > 0)
        {
            logger.LogInformation("Acceptance poll: {Waiting} waiting in {Groups} groups, {Calls} Tencent calls, raised {Raised}, {Errors} group errors",
                report.Waiting, report.Groups, report.TencentCalls, report.Raised.Count, report.GroupErrors.Count);
        }

        return report;
    }

    public static async Task<IReadOnlyList<WaitingPeering>> FindWaitingAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var waiting = new List<WaitingPeering>();
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = "peering-",
            Statuses = [OrchestrationRuntimeStatus.Running],
            FetchInputsAndOutputs = true,
            PageSize = 500,
        };
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            var progress = instance.ReadCustomStatusAs<PeeringProgress>();
            var request = instance.ReadInputAs<PeeringRequest>();
            // A peering ACTIVE before the receiver was asked has nothing for Tencent to tell: only the receiver can answer.
            if (progress is { Step: PeeringSteps.WaitingForAcceptance, PeeringConnectionId: { } pcx, ActiveBeforeConsent: false }
                && request?.Initiator.Account is { } account)
            {
                waiting.Add(new WaitingPeering(instance.InstanceId, pcx, account, request.Initiator.Region));
            }
        }

        return waiting;
    }

    private async Task<GroupResult> PollGroupAsync(
        DurableTaskClient durable, (string Account, string Region) group, List<WaitingPeering> waiting, CancellationToken cancellationToken)
    {
        var calls = 0;
        var raised = new List<string>();
        try
        {
            var client = clients.Create(group.Account, group.Region);
            var states = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var chunk in waiting.Select(w => w.PeeringConnectionId).Distinct().Chunk(PageSize))
            {
                PeerConnection[] seen;
                try
                {
                    seen = await ReadAllAsync(client, chunk, cancellationToken, () => calls++);
                }
                catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
                {
                    // One id we cannot see (deleted for good) fails the whole request: list what the account sees instead.
                    seen = await ReadAllAsync(client, ids: null, cancellationToken, () => calls++);
                }

                foreach (var peering in seen)
                {
                    if (peering.PeeringConnectionId is { } id && peering.State is { } state)
                    {
                        states[id] = state;
                    }
                }
            }

            foreach (var peering in waiting)
            {
                if (states.TryGetValue(peering.PeeringConnectionId, out var state) && DecidedStates.Contains(state))
                {
                    // The id is the same every tick, so repeated sightings de-duplicate in the orchestrator.
                    var decision = new AcceptanceDecision(
                        $"poller:{peering.PeeringConnectionId}:{state}", state == PeeringConnectionStates.Active, DecisionSources.Poller,
                        "Tencent", peering.PeeringConnectionId, state);
                    try
                    {
                        var at = audit?.Now();
                        await durable.RaiseEventAsync(peering.InstanceId, EventNames.Decision, decision, cancellationToken);
                        raised.Add($"{peering.InstanceId}:{state}");
                        if (audit is not null)
                        {
                            // Keyed by the decision id: the sightings of later ticks add nothing.
                            await audit.RecordAsync(peering.InstanceId, at!.Value, decision.Accept ? AuditKinds.Accepted : AuditKinds.Rejected,
                                "Tencent console", AuditChannels.Console,
                                $"Tencent shows {peering.PeeringConnectionId} {state}: decided in the Tencent console (seen by the acceptance poller).",
                                $"decision:{decision.DecisionId}");
                        }
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        // Typically the instance finished between the query and the raise (say, accepted over HTTP):
                        // nothing is lost, and the other peerings of the group still get their events.
                        logger.LogInformation("Could not raise {State} for {InstanceId}: {Error}", state, peering.InstanceId, error.Message);
                    }
                }
            }

            return new GroupResult(calls, raised, null);
        }
        catch (Exception error) when (error is TencentCloudSDKException or UnknownAccountException)
        {
            // One account's trouble must not hide the other accounts' acceptances.
            logger.LogWarning("Acceptance poll of {Account}/{Region} failed: {Error}", group.Account, group.Region, error.Message);
            return new GroupResult(calls, raised, $"{group.Account}/{group.Region}: {error.Message}");
        }
    }

    /// <summary>Every peering the account sees in the region, a page at a time; <paramref name="counted"/> counts each call.</summary>
    /// <summary>Every page of the peerings with these ids (or, with none, every peering the account sees); each call counted.</summary>
    private static async Task<PeerConnection[]> ReadAllAsync(
        TencentCloud.Vpc.V20170312.IVpcClient client, string[]? ids, CancellationToken cancellationToken, Action counted)
    {
        var peerings = await TencentPaging.ReadAllAsync<PeerConnection>(async offset =>
        {
            counted();
            var response = await client.DescribeVpcPeeringConnections(
                new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = ids, Offset = offset, Limit = PageSize }, cancellationToken);
            return (response.PeerConnectionSet, response.TotalCount);
        });
        return [.. peerings];
    }

    private sealed record GroupResult(int Calls, IReadOnlyList<string> Raised, string? Error);
}
