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
        records[peering.Id] = peering;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<RegisteredPeering> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in records.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask;
    }
}
