namespace PeeringFunctions.Peerings;

/// <summary>
/// One start at a time per instance id in this process: the check ("is there a live or finished instance?") and the
/// start that follows it run as one step. Dedupe statuses alone do not make that atomic on every backend: on Azure
/// Storage twenty simultaneous starts of one id all succeed.
/// </summary>
/// <remarks>
/// A fixed set of locks, chosen by the id's hash: nothing to clean up, and two ids that share a lock only wait for
/// each other's few milliseconds. Across processes (a scaled-out Functions app) this is no guarantee.
/// </remarks>
public sealed class InstanceStartGate
{
    /// <summary>The one gate of this process: a teardown and a repair of one peering check each other under the same lock.</summary>
    public static InstanceStartGate Shared { get; } = new();

    private readonly SemaphoreSlim[] locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<T> RunAsync<T>(string instanceId, Func<Task<T>> checkThenStart, CancellationToken cancellationToken)
    {
        var gate = locks[(int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % (uint)locks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await checkThenStart();
        }
        finally
        {
            gate.Release();
        }
    }
}
