using Microsoft.DurableTask;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// One peering between two accounts, as the manual procedure does it — pre-flight, request, consent, accept,
/// routes and subnet associations on both sides, verification — never left half-done: any failure after the request
/// exists is compensated in reverse order unless the request asks to keep the partial work.
/// </summary>
public sealed class PeeringOrchestrator : TaskOrchestrator<PeeringRequest, PeeringOutcome>
{
    /// <summary>
    /// The version new runs start with (Durable compares versions as System.Version); runs started under an earlier
    /// version replay their own path. "2.0": a peering of the pair that is already ACTIVE is used only after the
    /// receiver consents to what we will write on its side. "3.0": pre-flight also reads the receiver's peerings and the
    /// configured quotas, and refuses what Tencent's quotas and cross-region rules would refuse; and after the accept of
    /// a cross-region peering the run waits for Tencent to activate it (<see cref="ActivationWaitVersion"/>). "4.0": how
    /// the run ended is written to the peering registry (<see cref="RegistryVersion"/>). "5.0": the registry is also
    /// written when the request exists and when the receiver accepts, and a teardown records its start and tells both
    /// sides how it ended (<see cref="StepRecordsVersion"/>). "6.0": less Durable work per peering
    /// (<see cref="FewerStepsVersion"/>).
    /// </summary>
    public const string CurrentVersion = "6.0";

    /// <summary>
    /// From this version on, pre-flight reads its configuration (receiver's UIN, quotas, whether an outcome notice goes
    /// anywhere) in one activity instead of two, the outcome notice is skipped when no channel takes it, and the final
    /// record and the notice run together: two activities and one episode fewer for a peering without channels.
    /// </summary>
    public const string FewerStepsVersion = "6.0";

    /// <summary>
    /// From this version on, the record is written at each step that changes it: Requested once the pcx exists (with who
    /// asked and the repair policy), who approved once the receiver accepts, and the end; a teardown records TearingDown
    /// with who asked at its start and notifies both sides at its end.
    /// </summary>
    public const string StepRecordsVersion = "5.0";

    /// <summary>From this version on, the peering's record in the registry is written when the run ends (and by its teardown).</summary>
    public const string RegistryVersion = "4.0";

    /// <summary>From this version on, an accepted cross-region peering is read until ACTIVE before any route names it.</summary>
    public const string ActivationWaitVersion = "3.0";

    public override async Task<PeeringOutcome> RunAsync(TaskOrchestrationContext context, PeeringRequest request)
    {
        var run = new PeeringRun(context, request);
        var outcome = await PeerAsync(run);
        await run.FinishAsync(outcome);
        return outcome;
    }

    private static async Task<PeeringOutcome> PeerAsync(PeeringRun run)
    {
        // 1. Pre-flight: reads only, both sides at once. A refusal here has created nothing.
        var preflight = await run.PreflightAsync();
        if (!preflight.Succeeded)
        {
            return run.Refused(preflight.Problems);
        }

        var plan = preflight.Plan!;
        try
        {
            // 2. The peering request, with the initiator's credentials (or the live one this pair already has).
            var peering = await run.RequestPeeringAsync(plan);
            await run.RecordRequestedAsync(plan, peering.PeeringConnectionId);

            if (run.IsRequestFromReceiver(peering))
            {
                // The receiver sent this pair's pending request itself: its consent is given, ours completes it.
                await run.AcceptAsInitiatorAsync(peering);
            }
            else if (peering.State != PeeringConnectionStates.Active || run.NeedsConsentToUse(peering))
            {
                // 3. Tell the receiver, then 4. wait for its decision, racing the acceptance deadline — unless the
                // receiver consented before the run (a topology's pair): then that is the decision.
                var decision = run.TakePreApproval();
                if (decision is null)
                {
                    var deadline = await run.NotifyReceiverAsync(peering);
                    decision = await run.WaitForDecisionAsync(peering, deadline);
                }

                if (decision is null)
                {
                    return await run.ExpireAsync(peering);
                }

                if (!decision.Accept)
                {
                    return await run.DeclineAsync(peering, decision);
                }

                // 5. Accept, with the receiver's credentials (skipped when Tencent already shows ACTIVE).
                await run.RecordApprovalAsync(plan, peering.PeeringConnectionId, decision);
                await run.AcceptAsync(peering, decision);
            }

            // 5b. Tencent activates an accepted peering in its own time (cross-region accept is asynchronous):
            // routes may name it only once it is ACTIVE.
            await run.WaitUntilActiveAsync(peering);

            // 6. Routes and subnet associations, both sides in parallel.
            await run.ConfigureAsync(plan, peering.PeeringConnectionId);

            // 7. Verify: the peering is ACTIVE and every route is present and enabled.
            await run.VerifyAsync(plan, peering.PeeringConnectionId);
            return run.Succeeded(plan, peering.PeeringConnectionId);
        }
        catch (Exception failure) when (failure is TaskFailedException or PeeringActivationException or PeeringVerificationException)
        {
            // 8. Compensation, in reverse order, unless the request asks to keep the partial work.
            return await run.FailAsync(plan, failure);
        }
    }
}
