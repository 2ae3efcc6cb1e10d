namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// Undo a completed peering: what its outcome recorded on each managed side. Built from the peering
/// orchestration's output or the peering's registry record, so it carries identifiers only.
/// </summary>
/// <param name="PeeringId">The peering's id, whose registry record the teardown updates when it ends (null in teardowns started before).</param>
/// <param name="RequestedBy">Who asked for the teardown and through which door ("portal", "approver of beta (http)", "slack:U123").</param>
/// <param name="Name">The peering's name, for the notices.</param>
/// <param name="ExternalReceiver">A receiver outside our accounts: nothing of ours to remove there, but it is told what to remove itself.</param>
/// <param name="ExternalInitiator">
/// An initiator outside our accounts (a peering made elsewhere and adopted): the same, and the peering is deleted with
/// the receiver's credentials (either end may delete a peering).
/// </param>
public sealed record TeardownRequest(
    string PeeringConnectionId,
    SideOutcome Initiator,
    SideOutcome? Receiver,
    string? PeeringId = null,
    string? RequestedBy = null,
    string? Name = null,
    ExternalReceiver? ExternalReceiver = null,
    ExternalInitiator? ExternalInitiator = null);

/// <summary>An external receiver's side, as far as we know it.</summary>
public sealed record ExternalReceiver(string Uin, string Region, string VpcId);

/// <summary>An external initiator's side, as far as we know it.</summary>
public sealed record ExternalInitiator(string Uin, string Region, string VpcId);

/// <param name="ExternalReceiverAction">
/// What the external side must remove on its own: the receiver's, or an adopted peering's initiator's (null when both
/// sides are ours). The name stays as first stored.
/// </param>
public sealed record TeardownOutcome(
    string Status,
    string PeeringConnectionId,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Problems,
    string? ExternalReceiverAction = null);

public static class TeardownStatus
{
    public const string Removed = "Removed";
    public const string Failed = "Failed";
}
