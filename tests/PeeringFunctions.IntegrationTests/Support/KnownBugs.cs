namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>Skip reasons for tests that found a bug outside this project; each names the file and the fix.</summary>
internal static class KnownBugs
{
    public const string DecisionHangs =
        "BUG: src/PeeringFunctions.Workflow/Orchestrations/PeeringRun.cs WaitForDecisionAsync awaits "
        + "timerCancellation.CancelAsync(): CancelAsync runs the timer's cancellation callback on the thread pool, so the "
        + "orchestrator continues off the Durable scheduler, its next activity is never sent, and every peering stays "
        + "Running after any decision (accept, reject, poller). Fix: timerCancellation.Cancel().";
}
