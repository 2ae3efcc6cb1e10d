using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Peerings.Auditing;

/// <summary>
/// What the use cases write to the audit trail (a request received, a decision, a teardown, repair, bandwidth change or
/// adoption asked for) and read from it. Each is one call from a person or a timer: its key is new each time, except a
/// decision's, which is the decision's own id (a redelivered chat click or poller sighting is written once).
/// </summary>
public sealed class PeeringAudit(IAuditTrail trail, AuditWriter writer, TimeProvider time)
{
    /// <summary>Who is named when the door did not say.</summary>
    public const string Unnamed = "unnamed";

    /// <summary>The time to stamp an entry with: taken when the call arrives, so the entry comes before what it caused.</summary>
    public DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>Appends an entry (a failed append is logged whole, never thrown: see <see cref="AuditWriter"/>).</summary>
    /// <param name="key">The event's own id when it has one (a decision id); null: a new one.</param>
    public Task RecordAsync(
        string peeringId, DateTimeOffset at, string kind, string? actor, string? channel, string summary, string? key = null) =>
        writer.AppendAsync(new AuditEntry(
            peeringId,
            at,
            kind,
            string.IsNullOrWhiteSpace(actor) ? Unnamed : actor,
            string.IsNullOrWhiteSpace(channel) ? Unnamed : channel,
            summary,
            null,
            key ?? $"{kind}:{Guid.NewGuid():N}"));

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string peeringId, CancellationToken cancellationToken) =>
        trail.ListAsync(peeringId, cancellationToken);
}
