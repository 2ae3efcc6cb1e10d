namespace PeeringFunctions.ChatOps.Notifications;

/// <summary>
/// A step the initiator's channel hears about while the peering runs (e.g. Accepting, Configuring). Identifiers and
/// texts only — safe as an activity input. (The outcome uses the workflow's own
/// <see cref="PeeringFunctions.Workflow.Activities.PeeringOutcomeNotice"/>.)
/// </summary>
public sealed record PeeringProgressNotice(
    string InstanceId,
    string Name,
    string InitiatorAccount,
    string? ReceiverAccount,
    string Step,
    string? PeeringConnectionId = null,
    string? Message = null);
