namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// An instance stayed in one step past that step's threshold: for the initiator's channel, once per instance and step.
/// Identifiers and plain words only.
/// </summary>
/// <param name="InstanceId">The instance that is stuck (the peering's own, or its teardown, repair or bandwidth change).</param>
/// <param name="PeeringId">The peering it belongs to (its status page).</param>
/// <param name="Since">When it was first seen in <paramref name="Step"/>.</param>
/// <param name="Limit">What it overstayed, in words ("30 minutes", "10 minutes past its acceptance deadline").</param>
public sealed record StuckInstanceNotice(
    string InstanceId,
    string PeeringId,
    string Name,
    string? InitiatorAccount,
    string Step,
    DateTimeOffset Since,
    string Limit);
