namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// Tencent ended an accepted peering's activation other than ACTIVE (FAILED, or gone), or did not finish it in time:
/// the orchestrator compensates like any other failure.
/// </summary>
public sealed class PeeringActivationException(string message) : Exception(message);
