using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// The steps of <see cref="PeeringOrchestrator"/> and the state one execution carries between them (progress,
/// undo log). Rebuilt identically on every replay: it only ever uses the context for time, activities and events.
/// </summary>
internal sealed class PeeringRun(TaskOrchestrationContext context, PeeringRequest request)
{
    /// <summary>How many decision events one wait accepts (duplicates included) before it only waits for the deadline.</summary>
    private const int MaximumDecisionEvents = 100;

    /// <summary>How long an accepted peering may take to turn ACTIVE: Tencent's activation task, not a person.</summary>
    private static readonly TimeSpan ActivationTimeout = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan FirstActivationPause = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaximumActivationPause = TimeSpan.FromSeconds(30);

    /// <summary>Gentler than doubling: an activation of a few seconds is seen at most about half its time late.</summary>
    private const double ActivationBackoff = 1.5;

    /// <summary>A bound on the reads, whatever the clock does: 15 minutes of pauses take about 35.</summary>
    private const int MaximumActivationReads = 60;

    private readonly WorkflowActivities activities = new(context);
    private readonly UndoLog undo = new();
    private readonly Dictionary<string, CreateRoutesResult> routesCreated = [];
    private long? verifiedBandwidth;
    private string? approvedBy;
    private bool outcomeDelivered = true;
    private PeeringProgress progress = new(
        PeeringSteps.Preflight,
        null,
        SideProgress.Waiting,
        request.Receiver.IsManaged ? SideProgress.Waiting : new SideProgress(SideStates.External));

    private string Step => progress.Step;

    public async Task<PreflightResult> PreflightAsync()
    {
        Report(progress with { Step = PeeringSteps.Preflight });
        var initiator = request.Initiator;
        var receiver = request.Receiver;

        if (FewerSteps())
        {
            var initiatorSide = ReadSideAsync(initiator, includePeerings: true);
            var receiverSide = receiver.IsManaged ? ReadSideAsync(receiver, includePeerings: true) : Task.FromResult<SideFacts?>(null);
            var settings = activities.ResolvePreflightSettingsAsync(
                new PreflightSettingsLookup(initiator.Account!, receiver.Account, ResolveReceiverUin: receiver.ExternalUin is null));
            await Task.WhenAll(initiatorSide, receiverSide, settings);
            var resolved = await settings;
            outcomeDelivered = resolved.OutcomeDelivered;
            return PeeringPlanner.Plan(request, (await initiatorSide)!, await receiverSide, receiver.ExternalUin ?? resolved.ReceiverUin!, resolved.Limits);
        }

        var checksLimits = ChecksTencentLimits();
        var initiatorFacts = ReadSideAsync(initiator, includePeerings: true);
        var receiverFacts = receiver.IsManaged ? ReadSideAsync(receiver, includePeerings: checksLimits) : Task.FromResult<SideFacts?>(null);
        var receiverUin = receiver.ExternalUin is { } uin
            ? Task.FromResult(uin)
            : activities.ResolveUinAsync(receiver.Account!);
        var limits = checksLimits ? activities.ResolveLimitsAsync() : null;
        await Task.WhenAll(initiatorFacts, receiverFacts, receiverUin, limits ?? Task.CompletedTask);
        return PeeringPlanner.Plan(request, (await initiatorFacts)!, await receiverFacts, await receiverUin, limits is null ? null : await limits);
    }

    /// <summary>See <see cref="PeeringOrchestrator.FewerStepsVersion"/>; runs started before replay the steps they took.</summary>
    private bool FewerSteps() => context.CompareVersionTo(PeeringOrchestrator.FewerStepsVersion) >= 0;

    /// <summary>
    /// From version 3.0 pre-flight checks Tencent's quotas and cross-region rules, which takes two more reads: the
    /// receiver's peerings and the configured quotas. Runs started before replay the reads they made.
    /// </summary>
    private bool ChecksTencentLimits() => context.CompareVersionTo("3.0") >= 0;

    public async Task<PeeringFacts> RequestPeeringAsync(PeeringPlan plan)
    {
        if (plan.ExistingPeering is { } existing)
        {
            context.CreateReplaySafeLogger(nameof(PeeringOrchestrator)).LogInformation("Reusing peering {PeeringConnectionId} ({State}) between {Initiator} and {Receiver}",
                existing.PeeringConnectionId, existing.State, request.Initiator.VpcId, request.Receiver.VpcId);
            Report(progress with { Step = PeeringSteps.Requesting, PeeringConnectionId = existing.PeeringConnectionId });
            return existing;
        }

        Report(progress with { Step = PeeringSteps.Requesting });
        var initiator = request.Initiator;
        var receiver = request.Receiver;
        undo.PeeringRequested(initiator.Account!, initiator.Region, initiator.VpcId, receiver.VpcId,
            receiver.IsManaged ? (receiver.Account!, receiver.Region) : null);
        var created = await activities.CreatePeeringAsync(new CreatePeeringInput(
            initiator.Account!,
            initiator.Region,
            initiator.VpcId,
            request.Name,
            request.Receiver.VpcId,
            plan.ReceiverUin,
            request.Receiver.Region,
            request.CrossRegion?.BandwidthMbps,
            request.CrossRegion?.ChargeType));
        undo.PeeringCreated(created.PeeringConnectionId);
        Report(progress with { PeeringConnectionId = created.PeeringConnectionId });
        return created;
    }

    public async Task<DateTime> NotifyReceiverAsync(PeeringFacts peering)
    {
        var timeout = request.EffectiveAcceptanceTimeout < PeeringRequest.MaximumAcceptanceTimeout
            ? request.EffectiveAcceptanceTimeout
            : PeeringRequest.MaximumAcceptanceTimeout;
        var deadline = context.CurrentUtcDateTime.Add(timeout);

        // Waiting from before the notice goes out, so a receiver who answers at once finds the peering waiting:
        // the status is saved with the episode that schedules the notification, and an early decision is kept
        // by Durable until the wait below takes it.
        Report(progress with
        {
            Step = PeeringSteps.WaitingForAcceptance,
            AcceptanceDeadline = deadline,
            ActiveBeforeConsent = peering.State == PeeringConnectionStates.Active,
        });
        await activities.NotifyReceiverAsync(new NotifyReceiverInput(
            context.InstanceId,
            peering.PeeringConnectionId,
            request.Name,
            request.Receiver.Account,
            request.Receiver.ExternalUin,
            request.Initiator.Account!,
            deadline));
        return deadline;
    }

    /// <summary>
    /// The consent the request came with (a topology's pair), taken as the decision: shown as taken, no notice, no wait.
    /// Null for every other request, which asks the receiver as it always did.
    /// </summary>
    public AcceptanceDecision? TakePreApproval()
    {
        if (request.PreApproval is not { } decision)
        {
            return null;
        }

        Report(progress with { Decision = new DecisionTaken(decision.DecisionId, decision.Accept, decision.Source) });
        return decision;
    }

    /// <returns>The receiver's decision, or null when the deadline passed first.</returns>
    public async Task<AcceptanceDecision?> WaitForDecisionAsync(PeeringFacts peering, DateTime deadline)
    {
        using var timerCancellation = new CancellationTokenSource();
        var deadlineTimer = context.CreateTimer(deadline, timerCancellation.Token);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var received = 0; received < MaximumDecisionEvents; received++)
        {
            var nextDecision = context.WaitForExternalEvent<AcceptanceDecision>(EventNames.Decision);
            if (await Task.WhenAny(nextDecision, deadlineTimer) == deadlineTimer)
            {
                return null;
            }

            var decision = await nextDecision;
            // Events arrive at least once, and a stale decision may name an earlier peering of this pair. A peering that
            // was ACTIVE before we asked shows ACTIVE on Tencent whatever the receiver thinks of our routes: not consent.
            if (!seen.Add(decision.DecisionId)
                || (decision.PeeringConnectionId is not null && decision.PeeringConnectionId != peering.PeeringConnectionId)
                || (progress.ActiveBeforeConsent && decision.ObservedTencentState == PeeringConnectionStates.Active))
            {
                continue;
            }

            // The losing timer must be cancelled, or the instance stays Running until it fires. Synchronously:
            // CancelAsync would resume this orchestrator on the thread pool, outside the Durable scheduler.
#pragma warning disable CA1849 // Call async methods when in an async method: see above.
            timerCancellation.Cancel();
#pragma warning restore CA1849
            Report(progress with { Decision = new DecisionTaken(decision.DecisionId, decision.Accept, decision.Source) });
            context.CreateReplaySafeLogger(nameof(PeeringOrchestrator)).LogInformation("Peering {PeeringConnectionId}: decision {Accept} from {Source}",
                peering.PeeringConnectionId, decision.Accept ? "accept" : "reject", decision.Source);
            return decision;
        }

        // Only duplicates and stale decisions arrived: keep the bounded history and let the deadline decide.
        await deadlineTimer;
        return null;
    }

    /// <summary>
    /// A reused PENDING request the receiver itself sent us earlier: it has consented already, and only our side
    /// (its destination) may accept it.
    /// </summary>
    public bool IsRequestFromReceiver(PeeringFacts peering) =>
        peering.State == PeeringConnectionStates.Pending && peering.SourceVpcId == request.Receiver.VpcId;

    /// <summary>
    /// A live peering of the pair that is ACTIVE already (made elsewhere, or its record lost) would let us write to the
    /// receiver's route table and subnets without asking: from version 2 on, the receiver consents first, unless it is
    /// the initiator's own account or an external account (we write nothing on its side).
    /// </summary>
    public bool NeedsConsentToUse(PeeringFacts peering) =>
        context.CompareVersionTo("2.0") >= 0
        && peering.State == PeeringConnectionStates.Active
        && request.Receiver.IsManaged
        && request.Receiver.Account != request.Initiator.Account;

    public async Task AcceptAsInitiatorAsync(PeeringFacts peering)
    {
        approvedBy = "the receiver's own peering request (it asked first)";
        Report(progress with { Step = PeeringSteps.Accepting, Message = "The receiver asked first; accepting its request." });
        await activities.AcceptPeeringAsync(
            new PeeringTarget(request.Initiator.Account!, request.Initiator.Region, peering.PeeringConnectionId));
    }

    public async Task AcceptAsync(PeeringFacts peering, AcceptanceDecision decision)
    {
        Report(progress with { Step = PeeringSteps.Accepting });
        if (peering.State == PeeringConnectionStates.Active || decision.ObservedTencentState == PeeringConnectionStates.Active || !request.Receiver.IsManaged)
        {
            return; // accepted on the receiver's side already; verification confirms it
        }

        await activities.AcceptPeeringAsync(
            new PeeringTarget(request.Receiver.Account!, request.Receiver.Region, peering.PeeringConnectionId));
    }

    /// <summary>
    /// Reads the peering until Tencent shows it ACTIVE, pausing on durable timers that back off (1 s, 1.5 s, 2.25 s …
    /// at most 30 s) for at most <see cref="ActivationTimeout"/>. FAILED (or gone) and running out of time are failures
    /// the orchestrator compensates. Only across regions: Tencent documents the cross-region accept as an asynchronous
    /// task and nothing of the kind within a region, where the read would only add a round (verification still checks
    /// ACTIVE). Skipped too when the peering was ACTIVE already, and for runs started before
    /// <see cref="PeeringOrchestrator.ActivationWaitVersion"/> (they replay without it).
    /// </summary>
    public async Task WaitUntilActiveAsync(PeeringFacts peering)
    {
        if (context.CompareVersionTo(PeeringOrchestrator.ActivationWaitVersion) < 0
            || peering.State == PeeringConnectionStates.Active
            || request.Initiator.Region == request.Receiver.Region)
        {
            return;
        }

        var pcx = peering.PeeringConnectionId;
        Report(progress with { Step = PeeringSteps.Activating, Message = $"Accepted; waiting for Tencent to activate {pcx}." });
        var giveUpAt = context.CurrentUtcDateTime + ActivationTimeout;
        var pause = FirstActivationPause;
        var initiator = request.Initiator;
        for (var read = 1; read <= MaximumActivationReads; read++)
        {
            var peerings = await activities.DescribePeeringsAsync(new PeeringLookup(initiator.Account!, initiator.Region, PeeringConnectionId: pcx));
            var state = peerings.FirstOrDefault()?.State;
            if (state == PeeringConnectionStates.Active)
            {
                Report(progress with { Message = null });
                return;
            }

            if (state != PeeringConnectionStates.Pending)
            {
                throw new PeeringActivationException($"Tencent ended the activation of {pcx} {state ?? "without it (not visible)"}, not ACTIVE.");
            }

            if (context.CurrentUtcDateTime + pause > giveUpAt)
            {
                break;
            }

            await context.CreateTimer(context.CurrentUtcDateTime + pause, CancellationToken.None);
            pause = pause * ActivationBackoff < MaximumActivationPause ? pause * ActivationBackoff : MaximumActivationPause;
        }

        throw new PeeringActivationException($"Tencent had not activated {pcx} after {ActivationTimeout.TotalMinutes:0} minutes; it is still PENDING.");
    }

    /// <summary>Deadline passed: withdraw the pending request so nothing is left open.</summary>
    public async Task<PeeringOutcome> ExpireAsync(PeeringFacts peering)
    {
        if (peering.State == PeeringConnectionStates.Active)
        {
            return LeftAsItWas(PeeringStatus.Expired, peering, "The receiver did not consent before the deadline");
        }

        Report(progress with { Step = PeeringSteps.ClosingRequest, Message = "No decision before the deadline." });
        var initiator = request.Initiator;
        await activities.DeletePeeringAsync(
            new PeeringTarget(initiator.Account!, initiator.Region, peering.PeeringConnectionId));
        Report(progress with { Step = PeeringSteps.Completed });
        return Ended(PeeringStatus.Expired, peering.PeeringConnectionId,
            "The receiver did not decide before the deadline; the pending request was withdrawn.",
            [$"withdrew pending request {peering.PeeringConnectionId}"]);
    }

    public async Task<PeeringOutcome> DeclineAsync(PeeringFacts peering, AcceptanceDecision decision)
    {
        var observed = decision.ObservedTencentState;
        var (status, message) = observed switch
        {
            PeeringConnectionStates.Expired => (PeeringStatus.Expired, "Tencent expired the request before it was accepted."),
            PeeringConnectionStates.Deleted => (PeeringStatus.PeerDeleted, "The peering was deleted on Tencent before it was accepted."),
            _ => (PeeringStatus.Rejected, $"The receiver rejected the peering ({decision.Source}{(decision.DecidedBy is null ? "" : ", " + decision.DecidedBy)})."),
        };
        if (peering.State == PeeringConnectionStates.Active && observed is null)
        {
            return LeftAsItWas(status, peering, $"The receiver refused its consent ({decision.Source})");
        }

        Report(progress with { Step = PeeringSteps.ClosingRequest, Message = message });

        var undone = new List<string>();
        if (observed is null && request.Receiver.IsManaged)
        {
            await activities.RejectPeeringAsync(
                new PeeringTarget(request.Receiver.Account!, request.Receiver.Region, peering.PeeringConnectionId));
            undone.Add($"rejected pending request {peering.PeeringConnectionId}");
        }
        else if (observed is null)
        {
            // An external receiver cannot be rejected for: withdraw our request instead.
            await activities.DeletePeeringAsync(
                new PeeringTarget(request.Initiator.Account!, request.Initiator.Region, peering.PeeringConnectionId));
            undone.Add($"withdrew pending request {peering.PeeringConnectionId}");
        }

        Report(progress with { Step = PeeringSteps.Completed });
        return Ended(status, peering.PeeringConnectionId, message, undone);
    }

    /// <summary>An ACTIVE peering we did not create, and the receiver did not let us use: nothing written, nothing undone.</summary>
    private PeeringOutcome LeftAsItWas(string status, PeeringFacts peering, string why)
    {
        var message = $"{why}; the existing peering {peering.PeeringConnectionId} was left as it was and nothing was written.";
        Report(progress with { Step = PeeringSteps.Completed, Message = message });
        return Ended(status, peering.PeeringConnectionId, message, []);
    }

    public async Task ConfigureAsync(PeeringPlan plan, string peeringConnectionId)
    {
        Report(progress with
        {
            Step = PeeringSteps.Configuring,
            Initiator = new SideProgress(SideStates.Configuring),
            Receiver = plan.Receiver is null ? progress.Receiver : new SideProgress(SideStates.Configuring),
        });
        var initiator = ConfigureSideAsync(plan.Initiator, peeringConnectionId, isInitiator: true);
        var receiver = plan.Receiver is null ? Task.CompletedTask : ConfigureSideAsync(plan.Receiver, peeringConnectionId, isInitiator: false);
        await Task.WhenAll(initiator, receiver);
    }

    private async Task ConfigureSideAsync(SidePlan side, string peeringConnectionId, bool isInitiator)
    {
        var work = new List<Task>();
        if (side.DestinationsToAdd.Count > 0)
        {
            undo.RoutesRequested(side, peeringConnectionId);
            work.Add(CreateRoutesAsync(side, peeringConnectionId));
        }

        foreach (var move in side.SubnetMoves)
        {
            undo.SubnetMoveRequested(side, move);
            work.Add(activities.AssociateSubnetAsync(
                new AssociateSubnetInput(side.Account, side.Region, move.SubnetId, move.RouteTableId)));
        }

        try
        {
            await Task.WhenAll(work);
            UpdateSide(isInitiator, new SideProgress(SideStates.Configured, side.Destinations.Count, side.SubnetIds.Count));
        }
        catch
        {
            UpdateSide(isInitiator, new SideProgress(SideStates.Failed));
            throw;
        }
    }

    private async Task CreateRoutesAsync(SidePlan side, string peeringConnectionId)
    {
        routesCreated[side.RouteTableId] = await activities.CreateRoutesAsync(new CreateRoutesInput(
            side.Account, side.Region, side.RouteTableId, peeringConnectionId, side.DestinationsToAdd, $"peering {request.Name}"));
    }

    /// <summary>
    /// Verification reads Tencent's state of the peering (the one thing the receiver, not we, controls) and checks
    /// each side's routes against Tencent's own reply to our CreateRoutes, which lists every route it created with its
    /// next hop and Enabled flag (terraform's provider reads new routes from this reply too: a read right after the
    /// write can lag). A side whose replies do not account for every destination — routes that were there before us,
    /// or a reply that lacks one — has its tables read as before. Subnet moves were confirmed by their successful
    /// ReplaceRouteTableAssociation (or found in place by pre-flight). One read per peering instead of three.
    /// </summary>
    public async Task VerifyAsync(PeeringPlan plan, string peeringConnectionId)
    {
        Report(progress with { Step = PeeringSteps.Verifying });
        var initiator = request.Initiator;
        var peeringRead = activities.DescribePeeringsAsync(
            new PeeringLookup(initiator.Account!, initiator.Region, PeeringConnectionId: peeringConnectionId));
        var sides = new[] { plan.Initiator, plan.Receiver }.OfType<SidePlan>()
            .Select(side => (Side: side, Reply: PeeringVerifier.CheckReply(side, peeringConnectionId, RoutesTencentReported(side))))
            .ToList();
        var tableReads = sides.Select(s => s.Reply is null
            ? activities.DescribeRouteTablesAsync(new VpcTarget(s.Side.Account, s.Side.Region, s.Side.VpcId))
            : null).ToList();
        await Task.WhenAll([peeringRead, .. tableReads.OfType<Task<IReadOnlyList<RouteTableFacts>>>()]);

        var problems = new List<string>();
        var state = (await peeringRead).FirstOrDefault()?.State;
        verifiedBandwidth = (await peeringRead).FirstOrDefault()?.Bandwidth;
        if (state != PeeringConnectionStates.Active)
        {
            problems.Add($"Peering {peeringConnectionId} is {state ?? "not visible"}, not ACTIVE.");
        }

        for (var i = 0; i < sides.Count; i++)
        {
            problems.AddRange(sides[i].Reply ?? PeeringVerifier.CheckSide(sides[i].Side, peeringConnectionId, await tableReads[i]!));
        }

        if (problems.Count > 0)
        {
            throw new PeeringVerificationException(problems);
        }

        UpdateSide(true, progress.Initiator with { State = SideStates.Verified });
        if (plan.Receiver is not null)
        {
            UpdateSide(false, progress.Receiver with { State = SideStates.Verified });
        }
    }

    /// <summary>The routes Tencent reported for this side's table in its CreateRoutes reply (created, or found by the activity's read-back).</summary>
    private IReadOnlyList<RouteFacts> RoutesTencentReported(SidePlan side) =>
        routesCreated.TryGetValue(side.RouteTableId, out var result) ? [.. result.Created, .. result.AlreadyPresent] : [];

    public PeeringOutcome Succeeded(PeeringPlan plan, string peeringConnectionId)
    {
        Report(progress with { Step = PeeringSteps.Completed, Message = "Peering is ACTIVE and verified." });
        return new PeeringOutcome(
            PeeringStatus.Active,
            peeringConnectionId,
            $"Peering {peeringConnectionId} is ACTIVE; routes and subnet associations verified on {(plan.Receiver is null ? "the initiator's side" : "both sides")}.",
            [],
            SideOutcomeOf(plan.Initiator),
            plan.Receiver is null ? ExternalOutcome() : SideOutcomeOf(plan.Receiver),
            [],
            BandwidthMbps: verifiedBandwidth);
    }

    public PeeringOutcome Refused(IReadOnlyList<string> problems)
    {
        Report(progress with { Step = PeeringSteps.Completed, Message = "Pre-flight refused the request; nothing was created." });
        return new PeeringOutcome(
            PeeringStatus.PreflightFailed,
            null,
            "Pre-flight refused the request; nothing was created.",
            problems,
            PlannedOutcome(request.Initiator),
            PlannedOutcome(request.Receiver),
            [],
            FailedStep: PeeringSteps.Preflight);
    }

    public async Task<PeeringOutcome> FailAsync(PeeringPlan plan, Exception failure)
    {
        var failedStep = Step;
        var reason = failure is TaskFailedException taskFailure ? taskFailure.FailureDetails.ErrorMessage : failure.Message;
        var code = failure is TaskFailedException tf ? TencentCallException.CodeOf(tf.FailureDetails.ErrorMessage) : null;
        var problems = failure is PeeringVerificationException verification ? verification.Problems : [reason];
        context.CreateReplaySafeLogger(nameof(PeeringOrchestrator)).LogWarning("Peering {InstanceId} failed at {Step}: {Reason}", context.InstanceId, failedStep, reason);

        var compensation = UndoRunner.ForCompensation(activities);
        var kept = new List<string>();
        if (request.KeepPartialWorkOnFailure)
        {
            kept.AddRange(undo.Entries.Select(e => "kept for inspection: " + e.Change));
        }
        else
        {
            Report(progress with { Step = PeeringSteps.Compensating, Message = reason });
            await CompensateAsync(compensation);
        }

        Report(progress with
        {
            Step = PeeringSteps.Completed,
            Message = $"Failed at {failedStep}: {reason}",
            Initiator = request.KeepPartialWorkOnFailure ? progress.Initiator : progress.Initiator with { State = SideStates.Undone },
            Receiver = request.KeepPartialWorkOnFailure || !request.Receiver.IsManaged ? progress.Receiver : progress.Receiver with { State = SideStates.Undone },
        });
        return new PeeringOutcome(
            PeeringStatus.Failed,
            progress.PeeringConnectionId,
            $"Failed at {failedStep}: {reason}",
            [.. problems, .. kept, .. compensation.Problems],
            SideOutcomeOf(plan.Initiator),
            plan.Receiver is null ? ExternalOutcome() : SideOutcomeOf(plan.Receiver),
            compensation.Done,
            failedStep,
            code);
    }

    /// <summary>
    /// The registry keeps how the run ended and what it changed on each side, outside Durable history (from
    /// <see cref="PeeringOrchestrator.RegistryVersion"/> on; earlier runs replay without it). From
    /// <see cref="PeeringOrchestrator.StepRecordsVersion"/> on it also names who approved.
    /// </summary>
    private async Task RecordAsync(PeeringOutcome outcome)
    {
        if (context.CompareVersionTo(PeeringOrchestrator.RegistryVersion) < 0)
        {
            return;
        }

        await activities.RecordPeeringAsync(Record(
            outcome.Status,
            outcome.PeeringConnectionId,
            Registered(outcome.Initiator, uin: null),
            Registered(outcome.Receiver ?? PlannedOutcome(request.Receiver), request.Receiver.ExternalUin),
            outcome.Message,
            RecordsEachStep() ? approvedBy : null));
    }

    /// <summary>
    /// From <see cref="PeeringOrchestrator.StepRecordsVersion"/> on, the registry holds the peering as soon as Tencent
    /// does: Requested, with the sides as planned, so a list shows it while it waits and nobody can start it twice.
    /// </summary>
    public async Task RecordRequestedAsync(PeeringPlan plan, string peeringConnectionId)
    {
        if (RecordsEachStep())
        {
            await activities.RecordPeeringAsync(RequestedRecord(plan, peeringConnectionId, "Requested; waiting for the receiver's consent."));
        }
    }

    /// <summary>Who consented, and through which channel, before anything is written on the receiver's side.</summary>
    public async Task RecordApprovalAsync(PeeringPlan plan, string peeringConnectionId, AcceptanceDecision decision)
    {
        approvedBy = decision.DecidedBy is { Length: > 0 } who ? $"{who} ({decision.Source})" : decision.Source;
        if (RecordsEachStep())
        {
            await activities.RecordPeeringAsync(RequestedRecord(plan, peeringConnectionId, $"Accepted by {approvedBy}; setting up routes.") with { ApprovedBy = approvedBy });
        }
    }

    private bool RecordsEachStep() => context.CompareVersionTo(PeeringOrchestrator.StepRecordsVersion) >= 0;

    private RegisteredPeering RequestedRecord(PeeringPlan plan, string peeringConnectionId, string message) => Record(
        RegistryStates.Requested,
        peeringConnectionId,
        Registered(SideOutcomeOf(plan.Initiator), uin: null),
        Registered(plan.Receiver is null ? ExternalOutcome() : SideOutcomeOf(plan.Receiver), request.Receiver.ExternalUin),
        message,
        approvedBy);

    private RegisteredPeering Record(
        string state, string? peeringConnectionId, RegisteredSide initiator, RegisteredSide receiver, string message, string? approver) => new(
        context.InstanceId,
        request.Name,
        state,
        peeringConnectionId,
        initiator,
        receiver,
        new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero),
        message,
        RepairPolicy: request.RepairPolicy,
        RequestedBy: request.RequestedBy,
        ApprovedBy: approver);

    private static RegisteredSide Registered(SideOutcome side, string? uin) => new(
        side.Account,
        uin,
        side.Region,
        side.VpcId,
        side.RouteTableId,
        side.Destinations,
        side.CreatedRouteItemIds,
        [.. side.AssociationChanges.Select(c => new RegisteredAssociation(c.SubnetId, c.PreviousRouteTableId, c.RouteTableId))]);

    /// <summary>
    /// The record of how it ended and the outcome notice; from <see cref="PeeringOrchestrator.FewerStepsVersion"/> on
    /// together (neither needs the other), one after the other before.
    /// </summary>
    public async Task FinishAsync(PeeringOutcome outcome)
    {
        if (FewerSteps())
        {
            await Task.WhenAll(RecordAsync(outcome), AnnounceAsync(outcome));
            return;
        }

        await RecordAsync(outcome);
        await AnnounceAsync(outcome);
    }

    /// <summary>
    /// The sides' channels hear how it ended. From <see cref="PeeringOrchestrator.FewerStepsVersion"/> on, when pre-flight
    /// found no channel that takes the notice, the run logs it and schedules nothing.
    /// </summary>
    private Task AnnounceAsync(PeeringOutcome outcome)
    {
        if (FewerSteps() && !outcomeDelivered)
        {
            context.CreateReplaySafeLogger(nameof(PeeringOrchestrator)).LogInformation("Peering {InstanceId} ({Name}) of {Initiator} ended {Status}: {Message}",
                context.InstanceId, request.Name, request.Initiator.Account, outcome.Status, outcome.Message);
            return Task.CompletedTask;
        }

        return Notice(outcome);
    }

    private Task<bool> Notice(PeeringOutcome outcome) =>
        activities.NotifyOutcomeAsync(new PeeringOutcomeNotice(
            context.InstanceId,
            request.Name,
            request.Initiator.Account!,
            request.Receiver.Account,
            request.Receiver.ExternalUin,
            outcome.Status,
            outcome.PeeringConnectionId,
            outcome.Message));

    /// <summary>Undo in reverse order, one change after another.</summary>
    private async Task CompensateAsync(UndoRunner compensation)
    {
        foreach (var entry in undo.Entries.Reverse())
        {
            await (entry is UndoEntry.DeletePeering peering
                ? compensation.UndoAsync(entry, () => DeletePeeringAsync(peering))
                : compensation.UndoAsync(entry));
        }
    }

    /// <summary>With the initiator's credentials, or by the managed receiver's when the initiator's are refused.</summary>
    private async Task DeletePeeringAsync(UndoEntry.DeletePeering entry)
    {
        try
        {
            await activities.DeletePeeringAsync(entry.Target);
        }
        catch (TaskFailedException) when (entry is { ReceiverAccount: { } account, ReceiverRegion: { } region, PeeringConnectionId: { } pcx })
        {
            await activities.DeletePeeringAsync(new PeeringTarget(account, region, pcx));
        }
    }

    private async Task<SideFacts?> ReadSideAsync(PeeringSide side, bool includePeerings)
    {
        var target = new VpcTarget(side.Account!, side.Region, side.VpcId);
        var vpc = activities.DescribeVpcAsync(target);
        var tables = activities.DescribeRouteTablesAsync(target);
        var peerings = includePeerings
            ? activities.DescribePeeringsAsync(new PeeringLookup(side.Account!, side.Region, VpcId: side.VpcId))
            : Task.FromResult<IReadOnlyList<PeeringFacts>>([]);
        await Task.WhenAll(vpc, tables, peerings);
        return new SideFacts(await vpc, await tables ?? [], await peerings ?? []);
    }

    private PeeringOutcome Ended(string status, string peeringConnectionId, string message, IReadOnlyList<string> undone) => new(
        status, peeringConnectionId, message, [], PlannedOutcome(request.Initiator), PlannedOutcome(request.Receiver), undone);

    private SideOutcome SideOutcomeOf(SidePlan side) => new(
        side.Account,
        side.Region,
        side.VpcId,
        side.RouteTableId,
        side.Destinations,
        routesCreated.TryGetValue(side.RouteTableId, out var routes) ? routes.Created.Select(r => r.RouteItemId).OfType<string>().ToList() : [],
        side.SubnetMoves);

    private SideOutcome ExternalOutcome() => PlannedOutcome(request.Receiver);

    private static SideOutcome PlannedOutcome(PeeringSide side) => new(
        side.Account, side.Region, side.VpcId, side.RouteTableId, side.DestinationCidrs ?? [], [], []);

    private void UpdateSide(bool isInitiator, SideProgress side) =>
        Report(isInitiator ? progress with { Initiator = side } : progress with { Receiver = side });

    private void Report(PeeringProgress next)
    {
        progress = next;
        context.SetCustomStatus(progress);
    }
}
