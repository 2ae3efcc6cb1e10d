using System.Collections.Concurrent;

namespace PeeringFunctions.Registry;

/// <summary>The default local run's stuck marks: gone with the process, like its in-memory registry.</summary>
public sealed class InMemoryStuckMarks : IStuckMarks
{
    private readonly ConcurrentDictionary<string, StuckMark> marks = new(StringComparer.Ordinal);

    public Task<StuckMark?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(marks.GetValueOrDefault(instanceId));

    public Task UpsertAsync(StuckMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        marks[mark.InstanceId] = mark;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        marks.TryRemove(instanceId, out _);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StuckMark> ListAsync(CancellationToken cancellationToken = default) => marks.Values.ToAsyncEnumerable();
}
