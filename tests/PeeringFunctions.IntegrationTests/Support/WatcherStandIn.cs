using PeeringFunctions.Registry;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// Writes findings into a peering's registry record the way the watcher does after a tick (Drifted, each finding in
/// plain words), so the repair tests need not wait for a tick. The real watcher replaces this at the merge.
/// </summary>
internal static class WatcherStandIn
{
    public static DriftFinding Finding(string kind, string side, string subject) =>
        new(kind, side, subject, $"{kind} on the {side}'s side: {subject}", DateTimeOffset.UtcNow);

    public static async Task<RegisteredPeering> FindAsync(IPeeringRegistry registry, string id, params DriftFinding[] findings)
    {
        var record = await registry.UpdateAsync(id, r => r with
        {
            State = RegistryStates.Drifted,
            Health = new PeeringHealth(HealthStatuses.Drifted, DateTimeOffset.UtcNow, findings, r.Health?.History ?? []),
        });
        return record ?? throw new InvalidOperationException($"The registry holds no {id}.");
    }
}
