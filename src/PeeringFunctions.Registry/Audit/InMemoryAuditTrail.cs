namespace PeeringFunctions.Registry.Audit;

/// <summary>The default local run's audit trail: gone with the process, like its registry and Durable backend.</summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    private readonly Dictionary<string, Dictionary<string, AuditEntry>> trails = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Forgets every entry, as a restart of this process would (tests reset the local host with it).</summary>
    public void Clear()
    {
        lock (gate)
        {
            trails.Clear();
        }
    }

    public Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        entry = AuditEntryRules.Fit(entry);
        lock (gate)
        {
            if (!trails.TryGetValue(entry.PeeringId, out var trail))
            {
                trails[entry.PeeringId] = trail = new Dictionary<string, AuditEntry>(StringComparer.Ordinal);
            }

            return Task.FromResult(trail.TryAdd(entry.Key, entry));
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string peeringId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<AuditEntry> entries = trails.TryGetValue(peeringId, out var trail) ? AuditEntryRules.InOrder(trail.Values) : [];
            return Task.FromResult(entries);
        }
    }
}
