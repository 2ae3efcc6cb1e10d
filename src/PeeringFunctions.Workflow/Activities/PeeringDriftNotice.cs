using PeeringFunctions.Registry;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// What the watcher newly found on a peering, for both sides' channels. Identifiers and plain words only.
/// </summary>
/// <param name="Findings">The new findings (each notified once: a finding seen again is not in a later notice).</param>
/// <param name="RepairPolicy">The peering's policy, so the notice can say whether a repair follows.</param>
public sealed record PeeringDriftNotice(
    string InstanceId,
    string Name,
    string? InitiatorAccount,
    string? ReceiverAccount,
    string? PeeringConnectionId,
    string RepairPolicy,
    IReadOnlyList<DriftFinding> Findings);
