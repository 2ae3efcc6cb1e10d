using Microsoft.DurableTask;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// A topology, as one procedure: ask each receiving account once for all its pairs, then run one
/// <see cref="PeeringOrchestrator"/> per consented pair as a sub-orchestration, a few at a time per account, each
/// compensating its own failure. Ends Complete (every pair Active), Partial (which pairs are not, and why) or Refused
/// (no account consented). Planning happened before the start (reads only; a plan that cannot be carried out never
/// starts one), and each pair's pre-flight checks its pair again right before it writes.
/// </summary>
public sealed class TopologyOrchestrator : TaskOrchestrator<TopologyStart, TopologyOutcome>
{
    /// <summary>The version new runs start with; "1.0": the first. Later changes to what a run schedules go behind a new one.</summary>
    public const string CurrentVersion = "1.0";

    /// <summary>
    /// Pair workflows running at once that involve one account. Each makes about ten Tencent calls over its five rounds,
    /// at most three of one action per account (DescribeVpcPeeringConnections: pre-flight on both sides, verification);
    /// five at a time stay under Tencent's 20 per second per action even when a round takes only a few tens of
    /// milliseconds, and the access layer's rate limiter paces whatever bursts past it: this bound keeps that queue short.
    /// </summary>
    public const int MaximumRunningPairsPerAccount = 5;

    public override async Task<TopologyOutcome> RunAsync(TaskOrchestrationContext context, TopologyStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        var run = new TopologyRun(context, start);

        // 1. One notice per receiving account, listing all its pairs; then each account's decision, until the deadline.
        await run.AskConsentAsync();

        // 2. The consented pairs, each its own peering workflow, a bounded number at a time per account.
        await run.PeerConsentedPairsAsync();

        // 3. How it ended, pair by pair.
        return run.Outcome();
    }
}
