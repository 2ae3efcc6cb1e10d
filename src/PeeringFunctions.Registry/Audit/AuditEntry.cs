namespace PeeringFunctions.Registry.Audit;

/// <summary>
/// One line of a peering's audit trail: a decision or a change, who made it and through which channel. Identifiers and
/// names only, never a secret.
/// </summary>
/// <param name="PeeringId">The peering the entry belongs to (its instance id, e.g. peering-vpc-a-vpc-b).</param>
/// <param name="At">When it happened: the trail is ordered by it.</param>
/// <param name="Kind">One of <see cref="AuditKinds"/>.</param>
/// <param name="Actor">Who: a portal key's name, a chat user ("slack:U123"), an approver's account, a Tencent account alias, "workflow".</param>
/// <param name="Channel">Through what: one of <see cref="AuditChannels"/>.</param>
/// <param name="Summary">What, in one sentence.</param>
/// <param name="RequestId">Tencent's RequestId of the call, for a Tencent write.</param>
/// <param name="Key">
/// What makes the entry one event (a Tencent RequestId, a decision id, a step and its orchestration time): appending an
/// entry whose key the trail already holds adds nothing, so a writer that runs at least once writes once.
/// </param>
public sealed record AuditEntry(
    string PeeringId,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string Channel,
    string Summary,
    string? RequestId,
    string Key);
