using Microsoft.DurableTask.Client;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Peerings.Topologies;

/// <summary>One line of GET /api/topologies: what the topology is, how it stands, how many of its pairs are active.</summary>
/// <param name="PairsActive">Pairs the topology holds Active or reused, as its own record says (no peering is read again).</param>
public sealed record TopologySummary(
    string Id,
    string Name,
    string Shape,
    string State,
    int PairsActive,
    int PairsTotal,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    /// <summary>Every topology Durable holds, newest first; one query, no per-pair read.</summary>
    public static async Task<IReadOnlyList<TopologySummary>> ListAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var summaries = new List<TopologySummary>();
        var query = new OrchestrationQuery { InstanceIdPrefix = TopologyIds.Prefix, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.Name == nameof(TopologyOrchestrator) && TopologyIds.IsTopologyId(instance.InstanceId) && Of(instance) is { } summary)
            {
                summaries.Add(summary);
            }
        }

        return [.. summaries.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public static TopologySummary? Of(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.ReadInputAs<TopologyStart>() is not { } start)
        {
            return null;
        }

        // The outcome's pair states once ended, else the custom status's by position; before either, only reused pairs count.
        var states = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.ReadOutputAs<TopologyOutcome>() is { } outcome
            ? outcome.Pairs.Select(p => p.State).ToList()
            : instance.ReadCustomStatusAs<TopologyProgress>()?.PairStates.ToList()
                ?? [.. start.Pairs.Select(p => p.Reused ? PairStates.Reused : PairStates.WaitingForConsent)];
        var active = states.Count(s => s is PeeringStatus.Active or PairStates.Reused);
        return new TopologySummary(
            instance.InstanceId, start.Request.Name, start.Request.Shape, TopologyOperations.StateOf(instance), active, start.Pairs.Count,
            instance.CreatedAt, instance.LastUpdatedAt);
    }
}
