using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings;

/// <summary>
/// Every state word a peering's view can show, in the order people look for them (running first), with how the
/// pages title it and how a chat sentence says it. The pages, their filter, chat's "list &lt;state&gt;" and chat notices
/// all read this one table.
/// </summary>
public static class PeeringVocabulary
{
    public const string Starting = "Starting";
    public const string Terminated = "Terminated";
    public const string Suspended = "Suspended";

    /// <param name="Title">As a page heading or badge says it.</param>
    /// <param name="Phrase">As it reads inside a sentence ("… is {Phrase}").</param>
    public sealed record Words(string State, string Title, string Phrase);

    public static IReadOnlyList<Words> All { get; } =
    [
        new(PeeringSteps.WaitingForAcceptance, "Waiting for acceptance", "waiting for acceptance"),
        new(Starting, "Starting", "starting"),
        new(PeeringSteps.Preflight, "Pre-flight", "checking both VPCs"),
        new(PeeringSteps.Requesting, "Requesting", "requesting the peering"),
        new(PeeringSteps.Accepting, "Accepting", "accepted and being set up"),
        new(PeeringSteps.Activating, "Activating", "accepted and being activated by Tencent"),
        new(PeeringSteps.ClosingRequest, "Closing the request", "closing the request"),
        new(PeeringSteps.Configuring, "Configuring routes", "configuring routes"),
        new(PeeringSteps.Verifying, "Verifying", "verifying routes"),
        new(PeeringSteps.Compensating, "Undoing partial work", "undoing partial work"),
        new(PeeringStatus.Active, "Active", "active"),
        new(LifecycleStates.TearingDown, "Being torn down", "being torn down"),
        new(LifecycleStates.TeardownFailed, "Teardown failed", "left after a failed teardown"),
        new(LifecycleStates.TornDown, "Torn down", "torn down"),
        new(PeeringStatus.Failed, "Failed", "failed"),
        new(PeeringStatus.PreflightFailed, "Refused by pre-flight", "refused by pre-flight"),
        new(PeeringStatus.Rejected, "Rejected", "rejected"),
        new(PeeringStatus.Expired, "Expired", "expired"),
        new(PeeringStatus.PeerDeleted, "Deleted on Tencent", "deleted on Tencent"),
        new(Terminated, "Terminated", "terminated"),
        new(Suspended, "Suspended", "suspended"),
    ];

    /// <summary>The state words alone, in order.</summary>
    public static IReadOnlyList<string> States { get; } = [.. All.Select(w => w.State)];

    private static readonly Dictionary<string, Words> ByState = All.ToDictionary(w => w.State, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> Order = All.Select((w, i) => (w.State, i)).ToDictionary(p => p.State, p => p.i, StringComparer.Ordinal);

    /// <summary>The state as a page titles it; an unknown word as it is.</summary>
    public static string Title(string state) => ByState.TryGetValue(state, out var words) ? words.Title : state;

    /// <summary>The state inside a sentence; an unknown word as it is.</summary>
    public static string Phrase(string state) => ByState.TryGetValue(state, out var words) ? words.Phrase : state;

    /// <summary>Where the state stands in <see cref="All"/> (unknown words last).</summary>
    public static int OrderOf(string state) => ByState.TryGetValue(state, out var words) ? Order[words.State] : All.Count;
}
