using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>The steps of <see cref="TopologyOrchestrator"/> and the state one execution carries (progress per account and pair).</summary>
internal sealed class TopologyRun
{
    /// <summary>Decision events one wait takes (duplicates included) before it only waits for the deadline.</summary>
    private const int MaximumDecisionEvents = 200;

    private readonly TaskOrchestrationContext context;
    private readonly TopologyStart start;
    private readonly WorkflowActivities activities;
    private readonly Dictionary<string, AccountProgress> accounts;
    private readonly Dictionary<string, PairProgress> pairs;
    private TopologyProgress progress;

    public TopologyRun(TaskOrchestrationContext context, TopologyStart start)
    {
        this.context = context;
        this.start = start;
        activities = new WorkflowActivities(context);
        accounts = start.Consents.ToDictionary(c => c.Account, c => new AccountProgress(c.Account, c.PairIds.Count, ConsentStates.Waiting), StringComparer.Ordinal);
        pairs = start.Pairs.ToDictionary(
            p => p.Id, p => new PairProgress(p.Id, p.Reused ? PairStates.Reused : PairStates.WaitingForConsent), StringComparer.Ordinal);
        progress = new TopologyProgress(TopologySteps.WaitingForConsent, [], []);
    }

    public async Task AskConsentAsync()
    {
        if (accounts.Count == 0)
        {
            return; // every pair reused: nobody to ask
        }

        var deadline = context.CurrentUtcDateTime.Add(start.Request.EffectiveAcceptanceTimeout);
        // Waiting from before the notices go out, so an account answering at once finds the topology waiting.
        Report(TopologySteps.WaitingForConsent, deadline);
        await Task.WhenAll(start.Consents.Select(consent => activities.NotifyTopologyConsentAsync(new TopologyConsentNotice(
            context.InstanceId, start.Request.Name, consent.Account, [.. consent.PairIds.Select(Describe)], deadline))));

        using var timerCancellation = new CancellationTokenSource();
        var deadlineTimer = context.CreateTimer(deadline, timerCancellation.Token);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var received = 0; received < MaximumDecisionEvents && accounts.Values.Any(a => a.Decision == ConsentStates.Waiting); received++)
        {
            var next = context.WaitForExternalEvent<TopologyDecision>(TopologyEventNames.Decision);
            if (await Task.WhenAny(next, deadlineTimer) == deadlineTimer)
            {
                break;
            }

            var decision = await next;
            // At least once: a duplicate, an account not asked, or a second answer of one that decided changes nothing.
            if (!seen.Add(decision.DecisionId) || !accounts.TryGetValue(decision.Account, out var account) || account.Decision != ConsentStates.Waiting)
            {
                continue;
            }

            accounts[decision.Account] = account with
            {
                Decision = decision.Accept ? ConsentStates.Accepted : ConsentStates.Rejected,
                DecidedBy = decision.DecidedBy is { Length: > 0 } who ? $"{who} ({decision.Source})" : decision.Source,
                DecisionId = decision.DecisionId,
            };
            context.CreateReplaySafeLogger(nameof(TopologyOrchestrator)).LogInformation("Topology {InstanceId}: {Account} {Decision}",
                context.InstanceId, decision.Account, decision.Accept ? "accepted" : "rejected");
            Report(TopologySteps.WaitingForConsent, deadline);
        }

        if (accounts.Values.All(a => a.Decision != ConsentStates.Waiting))
        {
            // The losing timer must be cancelled, or the instance stays Running until it fires (synchronously, as in PeeringRun).
#pragma warning disable CA1849 // Call async methods when in an async method: CancelAsync would resume outside the Durable scheduler.
            timerCancellation.Cancel();
#pragma warning restore CA1849
        }
        else if (!deadlineTimer.IsCompleted)
        {
            // Only duplicates arrived, up to the bound: the deadline decides for whoever has not answered.
            await deadlineTimer;
        }

        foreach (var waiting in accounts.Values.Where(a => a.Decision == ConsentStates.Waiting).ToList())
        {
            accounts[waiting.Account] = waiting with { Decision = ConsentStates.Expired };
        }

        foreach (var pair in start.Pairs.Where(p => !p.Reused))
        {
            var decision = accounts[pair.ReceivingAccount].Decision;
            pairs[pair.Id] = decision == ConsentStates.Accepted
                ? pairs[pair.Id] with { State = PairStates.Queued }
                : pairs[pair.Id] with
                {
                    State = PairStates.NotConsented,
                    Message = decision == ConsentStates.Rejected
                        ? $"{pair.ReceivingAccount} rejected the topology; nothing was created for this pair."
                        : $"{pair.ReceivingAccount} did not decide before the deadline; nothing was created for this pair.",
                };
        }
    }

    public async Task PeerConsentedPairsAsync()
    {
        var queued = start.Pairs.Where(p => pairs[p.Id].State == PairStates.Queued).ToList();
        Report(TopologySteps.Peering, null);
        var running = new Dictionary<Task<PeeringOutcome>, TopologyPair>();
        var busy = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queued.Count > 0 || running.Count > 0)
        {
            // In planned order, every queued pair whose two accounts have room: a deterministic choice on every replay.
            foreach (var pair in queued.ToList())
            {
                if (!HasRoom(busy, pair))
                {
                    continue;
                }

                queued.Remove(pair);
                Take(busy, pair, +1);
                running[RunPairAsync(pair)] = pair;
                pairs[pair.Id] = pairs[pair.Id] with { State = PairStates.Running };
            }

            Report(TopologySteps.Peering, null);
            var done = await Task.WhenAny(running.Keys);
            var ended = running[done];
            running.Remove(done);
            Take(busy, ended, -1);
            pairs[ended.Id] = Ended(ended, done);
        }
    }

    public TopologyOutcome Outcome()
    {
        var notActive = pairs.Values.Where(p => p.State is not (PeeringStatus.Active or PairStates.Reused)).ToList();
        var status = notActive.Count == 0 ? TopologyStatus.Complete
            : accounts.Count > 0 && accounts.Values.All(a => a.Decision != ConsentStates.Accepted) ? TopologyStatus.Refused
            : TopologyStatus.Partial;
        var message = status switch
        {
            TopologyStatus.Complete => $"All {pairs.Count} peerings are ACTIVE and verified.",
            TopologyStatus.Refused => "No receiving account consented; nothing was created.",
            _ => $"{pairs.Count - notActive.Count} of {pairs.Count} peerings are ACTIVE; not: " +
                string.Join("; ", notActive.Select(p => $"{p.Id} {p.State}")) + ".",
        };
        Report(TopologySteps.Completed, null, message);
        return new TopologyOutcome(status, message, [.. Ordered()], [.. accounts.Values]);
    }

    /// <summary>The pair's own peering workflow, under the pair's peering id, with its receiving account's consent.</summary>
    private Task<PeeringOutcome> RunPairAsync(TopologyPair pair)
    {
        var request = start.Request;
        var consent = accounts[pair.ReceivingAccount];
        var index = start.Pairs.ToList().FindIndex(p => p.Id == pair.Id) + 1;
        var peering = new PeeringRequest(
            $"{request.Name} {index:00}",
            pair.Initiator,
            pair.Receiver,
            pair.CrossRegion ? request.CrossRegion : null,
            request.AcceptanceTimeout,
            RequestedBy: $"topology {context.InstanceId}{(request.RequestedBy is { } who ? $" ({who})" : "")}",
            PreApproval: new AcceptanceDecision(consent.DecisionId!, Accept: true, DecisionSources.Topology, consent.DecidedBy));
        return context.CallSubOrchestratorAsync<PeeringOutcome>(
            nameof(PeeringOrchestrator), peering, new SubOrchestrationOptions(instanceId: pair.Id) { Version = PeeringOrchestrator.CurrentVersion });
    }

    private static PairProgress Ended(TopologyPair pair, Task<PeeringOutcome> done)
    {
        if (done.IsCompletedSuccessfully)
        {
            var outcome = done.Result;
            return new PairProgress(pair.Id, outcome.Status, outcome.PeeringConnectionId, outcome.Status == PeeringStatus.Active ? null : Shorten(outcome.Message));
        }

        // The pair's workflow compensates its own failures; only a crash of the workflow itself lands here.
        var reason = done.Exception?.InnerException is TaskFailedException failed ? failed.FailureDetails.ErrorMessage : done.Exception?.InnerException?.Message;
        return new PairProgress(pair.Id, PeeringStatus.Failed, null, Shorten(reason ?? "the pair's workflow failed"));
    }

    private static bool HasRoom(Dictionary<string, int> busy, TopologyPair pair) =>
        busy.GetValueOrDefault(pair.Initiator.Account!) < TopologyOrchestrator.MaximumRunningPairsPerAccount
        && busy.GetValueOrDefault(pair.Receiver.Account!) < TopologyOrchestrator.MaximumRunningPairsPerAccount;

    private static void Take(Dictionary<string, int> busy, TopologyPair pair, int delta)
    {
        busy[pair.Initiator.Account!] = busy.GetValueOrDefault(pair.Initiator.Account!) + delta;
        if (pair.Receiver.Account != pair.Initiator.Account)
        {
            busy[pair.Receiver.Account!] = busy.GetValueOrDefault(pair.Receiver.Account!) + delta;
        }
    }

    private string Describe(string pairId) =>
        start.Pairs.First(p => p.Id == pairId) is var pair ? $"{pair.Initiator.Describe()} → {pair.Receiver.Describe()}" : pairId;

    private IEnumerable<PairProgress> Ordered() => start.Pairs.Select(p => pairs[p.Id]);

    /// <summary>A pair's message in the status stays short: the pair's own status has the whole story.</summary>
    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private void Report(string step, DateTime? deadline, string? message = null)
    {
        progress = new TopologyProgress(step, [.. accounts.Values], [.. Ordered().Select(p => p.State)], deadline ?? progress.ConsentDeadline, message);
        context.SetCustomStatus(progress);
    }
}
