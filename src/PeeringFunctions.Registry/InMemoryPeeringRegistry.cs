using System.Collections.Concurrent;

namespace PeeringFunctions.Registry;

/// <summary>The default local run's registry: gone with the process, like that run's in-memory Durable backend.</summary>
public sealed class InMemoryPeeringRegistry : IPeeringRegistry
{
    private readonly ConcurrentDictionary<string, RegisteredPeering> records = new(StringComparer.Ordinal);

    /// <summary>Forgets every record, as a restart of this process would (tests reset the local host with it).</summary>
    public void Clear() => records.Clear();

    public Task<RegisteredPeering?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(records.GetValueOrDefault(id));

    public Task UpsertAsync(RegisteredPeering peering, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peering);
        records[peering.Id] = peering;
        return Task.CompletedTask;
    }

    public Task<bool> AddAsync(RegisteredPeering peering, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peering);
        return Task.FromResult(records.TryAdd(peering.Id, peering));
    }

    public Task<RegisteredPeering?> UpdateAsync(string id, Func<RegisteredPeering, RegisteredPeering?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!records.TryGetValue(id, out var current))
            {
                return Task.FromResult<RegisteredPeering?>(null);
            }

            if (change(current) is not { } changed)
            {
                return Task.FromResult<RegisteredPeering?>(current);
            }

            // Compare-and-swap on the reference read: a writer in between makes this fail and the change run again.
            if (records.TryUpdate(id, changed, current))
            {
                return Task.FromResult<RegisteredPeering?>(changed);
            }
        }
    }

    public IAsyncEnumerable<RegisteredPeering> ListAsync(CancellationToken cancellationToken = default) =>
        records.Values.ToAsyncEnumerable();
}
