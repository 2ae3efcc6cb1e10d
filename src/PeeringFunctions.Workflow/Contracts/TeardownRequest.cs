namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// Undo a completed peering: what its outcome recorded on each managed side. Built from the peering
/// orchestration's output, so it carries identifiers only.
/// </summary>
public sealed record TeardownRequest(string PeeringConnectionId, SideOutcome Initiator, SideOutcome? Receiver);

public sealed record TeardownOutcome(string Status, string PeeringConnectionId, IReadOnlyList<string> Removed, IReadOnlyList<string> Problems);

public static class TeardownStatus
{
    public const string Removed = "Removed";
    public const string Failed = "Failed";
}
