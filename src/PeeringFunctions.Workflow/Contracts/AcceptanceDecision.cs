namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// The receiver's answer, raised as the <see cref="EventNames.Decision"/> external event by the receiver's HTTP
/// function, a chat webhook or the poller. Events are delivered at least once, so each carries an id the
/// orchestrator de-duplicates on.
/// </summary>
/// <param name="PeeringConnectionId">When set, a decision about another pcx (say, a stale one) is ignored.</param>
/// <param name="ObservedTencentState">Set by the poller: the state Tencent already shows (ACTIVE, REJECTED, …).</param>
public sealed record AcceptanceDecision(
    string DecisionId,
    bool Accept,
    string Source,
    string? DecidedBy = null,
    string? PeeringConnectionId = null,
    string? ObservedTencentState = null);

public static class DecisionSources
{
    public const string Http = "http";
    public const string Poller = "poller";
    public const string Chat = "chat";

    /// <summary>A topology's consent, given once by the receiving account for every pair it receives.</summary>
    public const string Topology = "topology";
}

public static class EventNames
{
    public const string Decision = "PeeringDecision";
}
