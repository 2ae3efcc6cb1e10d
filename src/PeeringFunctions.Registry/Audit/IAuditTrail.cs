namespace PeeringFunctions.Registry.Audit;

/// <summary>
/// An append-only record per peering of every decision and change, kept beside the peering registry and outside Durable
/// history, so purging history loses none of it. Azure Table Storage in Azure and in the local host's persistent mode,
/// memory in the default local run.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Adds the entry, unless the peering's trail holds one with its <see cref="AuditEntry.Key"/> already.</summary>
    /// <returns>False when an entry with this key was there: nothing was written.</returns>
    Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The peering's entries, oldest first (by <see cref="AuditEntry.At"/>, then key); empty when it has none.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string peeringId, CancellationToken cancellationToken = default);
}
