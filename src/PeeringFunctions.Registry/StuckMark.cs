namespace PeeringFunctions.Registry;

/// <summary>
/// What the stuck-instance check remembers about one running instance, outside Durable history: the step it was last
/// seen in, since when, and whether that stay was reported. A new step (or a new run under the same id) starts a new
/// mark, so each stay in a step is reported at most once, across ticks and restarts.
/// </summary>
/// <param name="InstanceId">The instance (a peering, or its teardown, repair or bandwidth change).</param>
/// <param name="RunCreatedAt">When that run was created: a later run under the same id is a different run.</param>
/// <param name="Step">The step its custom status named.</param>
/// <param name="Since">When it was first seen in the step: its last update then, so never later than it really entered it.</param>
/// <param name="ReportedAt">When it was reported stuck in this step; null until then.</param>
public sealed record StuckMark(string InstanceId, DateTimeOffset RunCreatedAt, string Step, DateTimeOffset Since, DateTimeOffset? ReportedAt = null);

/// <summary>Where the stuck marks live: next to the registry (its table, or memory in the default local run).</summary>
public interface IStuckMarks
{
    Task<StuckMark?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Creates the mark, or replaces the one of its instance.</summary>
    Task UpsertAsync(StuckMark mark, CancellationToken cancellationToken = default);

    /// <summary>Forgets the mark of an instance (none is fine).</summary>
    Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Every mark, in no particular order.</summary>
    IAsyncEnumerable<StuckMark> ListAsync(CancellationToken cancellationToken = default);
}
