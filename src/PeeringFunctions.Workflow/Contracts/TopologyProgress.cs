namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// The topology's custom status: each account's consent and each pair's state, in the order of the input's pairs (their
/// ids, peerings and messages are in the input, their own statuses and the outcome): an 11-VPC mesh's 55 pairs over 11
/// accounts stay well inside Durable's 16 KB.
/// </summary>
/// <param name="PairStates">Each pair's state (<see cref="PairProgress.State"/>), in the order of <see cref="TopologyStart.Pairs"/>.</param>
public sealed record TopologyProgress(
    string Step,
    IReadOnlyList<AccountProgress> Accounts,
    IReadOnlyList<string> PairStates,
    DateTime? ConsentDeadline = null,
    string? Message = null);

/// <param name="Decision">One of <see cref="ConsentStates"/>.</param>
public sealed record AccountProgress(string Account, int Pairs, string Decision, string? DecidedBy = null, string? DecisionId = null);

/// <param name="State">One of <see cref="PairStates"/>, or the pair workflow's outcome (<see cref="PeeringStatus"/>) once it ended.</param>
public sealed record PairProgress(string Id, string State, string? PeeringConnectionId = null, string? Message = null);

/// <summary>The topology's output: how it ended and each pair's end.</summary>
public sealed record TopologyOutcome(string Status, string Message, IReadOnlyList<PairProgress> Pairs, IReadOnlyList<AccountProgress> Accounts);

public static class TopologySteps
{
    public const string WaitingForConsent = "WaitingForConsent";
    public const string Peering = "Peering";
    public const string Completed = "Completed";
}

/// <summary>How a topology ended: every pair Active, some not, or none got consent.</summary>
public static class TopologyStatus
{
    public const string Complete = "Complete";
    public const string Partial = "Partial";
    public const string Refused = "Refused";
}

public static class ConsentStates
{
    public const string Waiting = "Waiting";
    public const string Accepted = "Accepted";
    public const string Rejected = "Rejected";
    public const string Expired = "Expired";
}

/// <summary>A pair's state before its workflow ends (then its outcome's status: Active, Failed, PreflightFailed…).</summary>
public static class PairStates
{
    public const string WaitingForConsent = "WaitingForConsent";
    public const string Queued = "Queued";
    public const string Running = "Running";

    /// <summary>A peering of ours already joined the pair: kept as it is, not created again.</summary>
    public const string Reused = "Reused";

    /// <summary>Its receiving account rejected the topology, or did not answer in time: nothing was created.</summary>
    public const string NotConsented = "NotConsented";
}
