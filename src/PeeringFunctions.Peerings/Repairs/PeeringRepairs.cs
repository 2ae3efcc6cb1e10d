using Microsoft.DurableTask.Client;
using PeeringFunctions.Registry;

namespace PeeringFunctions.Peerings.Repairs;

/// <summary>How a request to repair a peering ended: the repair's id when one started, else why not.</summary>
public sealed record RepairStartResult(string? RepairId, string? Refusal);

/// <summary>
/// PLACEHOLDER of the watch branch: the repair orchestration is built on the repair branch, whose PeeringRepairs
/// replaces this file at the merge. Until then every repair is refused, so the watcher reports and repairs nothing.
/// </summary>
public sealed class PeeringRepairs
{
    public const string NotBuiltYet = "repairs not built yet";

    public Task<RepairStartResult> StartAsync(DurableTaskClient client, RegisteredPeering record, CancellationToken ct) =>
        Task.FromResult(new RepairStartResult(null, NotBuiltYet));
}
