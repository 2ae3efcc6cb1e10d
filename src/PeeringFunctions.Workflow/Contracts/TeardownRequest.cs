namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// Undo a completed peering: what its outcome recorded on each managed side. Built from the peering
/// orchestration's output or the peering's registry record, so it carries identifiers only.
/// </summary>
/// <param name="PeeringId">The peering's id, whose registry record the teardown updates when it ends (null in teardowns started before).</param>
public sealed record TeardownRequest(string PeeringConnectionId, SideOutcome Initiator, SideOutcome? Receiver, string? PeeringId = null);

public sealed record TeardownOutcome(string Status, string PeeringConnectionId, IReadOnlyList<string> Removed, IReadOnlyList<string> Problems);

public static class TeardownStatus
{
    public const string Removed = "Removed";
    public const string Failed = "Failed";
}
