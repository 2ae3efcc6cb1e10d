namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>Verification found the peering not as configured; the orchestrator compensates like any other failure.</summary>
public sealed class PeeringVerificationException(IReadOnlyList<string> problems)
    : Exception("Verification failed: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
