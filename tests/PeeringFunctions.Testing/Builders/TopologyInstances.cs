using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Testing.Builders;

/// <summary>
/// Topology instances as the Durable client returns them (input, custom status, output serialized by the default
/// converter): a hub of alpha with a spoke of beta and one of gamma.
/// </summary>
public static class TopologyInstances
{
    public const string Id = "topology-star";

    public static TopologyStart Star()
    {
        var hub = new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha");
        var beta = new PeeringSide("ap-shanghai", "vpc-beta0001", Account: "beta");
        var gamma = new PeeringSide("ap-guangzhou", "vpc-gamma001", Account: "gamma");
        TopologyPair[] pairs =
        [
            new("peering-vpc-alpha001-vpc-beta0001", hub, beta, true, null, false, []),
            new("peering-vpc-alpha001-vpc-gamma001", hub, gamma, false, null, false, []),
        ];
        return new TopologyStart(
            new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId, [hub, beta, gamma], new CrossRegionOptions(10, null)),
            pairs, [new AccountConsent("beta", [pairs[0].Id]), new AccountConsent("gamma", [pairs[1].Id])]);
    }

    /// <summary>Waiting for consent; <paramref name="decisions"/> by account (Waiting by default).</summary>
    public static OrchestrationMetadata Waiting(params (string Account, string Decision)[] decisions) =>
        Metadata(OrchestrationRuntimeStatus.Running, new TopologyProgress(
            TopologySteps.WaitingForConsent,
            [.. Star().Consents.Select(c => new AccountProgress(c.Account, c.PairIds.Count,
                decisions.FirstOrDefault(d => d.Account == c.Account).Decision ?? ConsentStates.Waiting))],
            [PairStates.WaitingForConsent, PairStates.WaitingForConsent],
            new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc)));

    /// <summary>Ended Partial: beta's pair Active, gamma rejected.</summary>
    public static OrchestrationMetadata Partial() =>
        Metadata(OrchestrationRuntimeStatus.Completed, null, new TopologyOutcome(
            TopologyStatus.Partial, "1 of 2 peerings are ACTIVE; not: peering-vpc-alpha001-vpc-gamma001 NotConsented.",
            [
                new PairProgress("peering-vpc-alpha001-vpc-beta0001", PeeringStatus.Active, "pcx-demo0001"),
                new PairProgress("peering-vpc-alpha001-vpc-gamma001", PairStates.NotConsented, null, "gamma rejected the topology; nothing was created for this pair."),
            ],
            [new AccountProgress("beta", 1, ConsentStates.Accepted, "slack:U2CERLKJA (chat)"), new AccountProgress("gamma", 1, ConsentStates.Rejected, "approver of gamma (http)")]));

    private static OrchestrationMetadata Metadata(OrchestrationRuntimeStatus status, TopologyProgress? progress, TopologyOutcome? outcome = null)
    {
        var converter = JsonDataConverter.Default;
        return new OrchestrationMetadata(nameof(TopologyOrchestrator), Id)
        {
            RuntimeStatus = status,
            SerializedInput = converter.Serialize(Star()),
            SerializedCustomStatus = progress is null ? null : converter.Serialize(progress),
            SerializedOutput = outcome is null ? null : converter.Serialize(outcome),
            CreatedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
            LastUpdatedAt = new DateTimeOffset(2026, 11, 20, 8, 5, 0, TimeSpan.Zero),
            DataConverter = converter,
        };
    }
}
