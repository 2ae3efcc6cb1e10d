using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Notifications;

/// <summary>
/// How a peering ended (or a teardown), for the initiator's channel (and the receiver's, when it is a managed
/// account). Identifiers and texts only — safe as an activity input.
/// </summary>
/// <param name="Status">A <see cref="PeeringStatus"/> or <see cref="TeardownStatus"/> value.</param>
public sealed record PeeringOutcomeNotice(
    string InstanceId,
    string Name,
    string InitiatorAccount,
    string? ReceiverAccount,
    string? ReceiverUin,
    string Status,
    string? PeeringConnectionId,
    string Message)
{
    public static PeeringOutcomeNotice From(string instanceId, PeeringRequest request, PeeringOutcome outcome) => new(
        instanceId,
        request.Name,
        request.Initiator.Account ?? "",
        request.Receiver.Account,
        request.Receiver.ExternalUin,
        outcome.Status,
        outcome.PeeringConnectionId,
        outcome.Message);
}

/// <summary>A step the initiator's channel hears about while the peering runs (e.g. Accepting, Configuring).</summary>
public sealed record PeeringProgressNotice(
    string InstanceId,
    string Name,
    string InitiatorAccount,
    string? ReceiverAccount,
    string Step,
    string? PeeringConnectionId = null,
    string? Message = null);
