using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>A peering's health after a check, and the findings that check saw for the first time.</summary>
public sealed record HealthUpdate(PeeringHealth Health, IReadOnlyList<DriftFinding> New, IReadOnlyList<DriftFinding> Cleared)
{
    /// <summary>
    /// Merges a check with the health before it: a finding seen before (same <see cref="DriftFinding.Key"/>) keeps its
    /// FirstSeenAt and is not new; the history gains a "found" entry per new finding and a "cleared" one per finding gone.
    /// </summary>
    public static HealthUpdate From(PeeringHealth? previous, DriftCheck check, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(check);
        var before = (previous?.Findings ?? []).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var findings = check.Findings
            .DistinctBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => before.TryGetValue(f.Key, out var seen) ? f with { FirstSeenAt = seen.FirstSeenAt } : f)
            .ToList();
        var keys = findings.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var added = findings.Where(f => !before.ContainsKey(f.Key)).ToList();
        var cleared = before.Values.Where(f => !keys.Contains(f.Key)).ToList();

        var health = new PeeringHealth(
            findings.Count == 0 ? HealthStatuses.Healthy : HealthStatuses.Drifted,
            now,
            findings,
            previous?.History ?? [],
            check.KnownVpcCidrs);
        health = health.WithHistory([
            .. added.Select(f => new HealthEvent(now, HealthEventKinds.Found, f.Description)),
            .. cleared.Select(f => new HealthEvent(now, HealthEventKinds.Cleared, $"No longer found: {f.Description}")),
        ]);
        return new HealthUpdate(health, added, cleared);
    }

    /// <summary>
    /// The record's state after a check: Active and Drifted follow the findings; any other state (Repairing,
    /// TearingDown, …) is some workflow's to change, not the watcher's.
    /// </summary>
    public static string StateAfter(string state, PeeringHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return state is RegistryStates.Active or RegistryStates.Drifted
            ? health.Findings.Count == 0 ? RegistryStates.Active : RegistryStates.Drifted
            : state;
    }
}
