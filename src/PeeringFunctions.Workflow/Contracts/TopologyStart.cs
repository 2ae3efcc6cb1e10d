namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// The topology orchestration's input: what was asked and what planning made of it (each pair's workflow plans its
/// own pair again in its pre-flight, right before it writes).
/// </summary>
public sealed record TopologyStart(TopologyRequest Request, IReadOnlyList<TopologyPair> Pairs, IReadOnlyList<AccountConsent> Consents);

/// <summary>
/// One receiving account's answer for all the pairs it receives, raised as <see cref="TopologyEventNames.Decision"/>.
/// Events arrive at least once: the orchestrator de-duplicates on <see cref="DecisionId"/> and takes an account's first.
/// </summary>
public sealed record TopologyDecision(string DecisionId, string Account, bool Accept, string Source, string? DecidedBy = null);

public static class TopologyEventNames
{
    public const string Decision = "TopologyDecision";
}
