namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// Custom status: small enough for the 16 KB limit, enough for a portal to draw a progress bar.
/// </summary>
/// <param name="ActiveBeforeConsent">The pair's peering was ACTIVE before the receiver was asked: Tencent's ACTIVE is not its answer.</param>
public sealed record PeeringProgress(
    string Step,
    string? PeeringConnectionId,
    SideProgress Initiator,
    SideProgress Receiver,
    DateTime? AcceptanceDeadline = null,
    string? Message = null,
    DecisionTaken? Decision = null,
    bool ActiveBeforeConsent = false);

/// <summary>The receiver's decision the orchestrator took: the first one; whoever decided later is told this one won.</summary>
public sealed record DecisionTaken(string DecisionId, bool Accept, string Source);

public sealed record SideProgress(string State, int RoutesReady = 0, int SubnetsReady = 0)
{
    public static readonly SideProgress Waiting = new(SideStates.Waiting);
}

/// <summary>The six steps of the manual procedure, plus the ways it can end.</summary>
public static class PeeringSteps
{
    public const string Preflight = "Preflight";
    public const string Requesting = "Requesting";
    public const string WaitingForAcceptance = "WaitingForAcceptance";
    public const string Accepting = "Accepting";

    /// <summary>Accepted; Tencent keeps it PENDING until its activation task ends (cross-region accept is asynchronous).</summary>
    public const string Activating = "Activating";
    public const string ClosingRequest = "ClosingRequest";
    public const string Configuring = "Configuring";
    public const string Verifying = "Verifying";
    public const string Compensating = "Compensating";
    public const string Completed = "Completed";
}

public static class SideStates
{
    public const string Waiting = "Waiting";
    public const string External = "External";
    public const string Configuring = "Configuring";
    public const string Configured = "Configured";
    public const string Verified = "Verified";
    public const string Failed = "Failed";
    public const string Undone = "Undone";
}
