using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>
/// A topology in flight replays its history against the code deployed now: what version "1.0" of
/// <see cref="Orchestrations.TopologyOrchestrator"/> schedules (notices, the deadline, the waits, each pair's workflow
/// with its input) is recorded in Histories/topology-1.0.history; a change to it needs a new version, not a new file.
/// </summary>
public sealed class TopologyHistoryTests
{
    [Fact]
    public async Task A_hub_and_spoke_with_one_account_rejecting_schedules_the_recorded_history()
    {
        var hub = new PeeringSide("ap-guangzhou", "vpc-hub00001", Account: "alpha", RouteTableId: "rtb-hub00001", SubnetIds: ["subnet-hub00001"]);
        var spokes = new[] { ("vpc-s1000001", "beta"), ("vpc-s2000001", "gamma"), ("vpc-s3000001", "beta") }
            .Select(s => new PeeringSide("ap-shanghai", s.Item1, Account: s.Item2)).ToArray();
        var pairs = spokes.Select(s => new TopologyPair($"peering-{hub.VpcId}-{s.VpcId}", hub, s, true, null, false,
            [new PlannedRoutes("alpha", hub.VpcId, "rtb-hub00001", ["10.1.0.0/16"])])).ToList();
        var request = new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId, [hub, .. spokes], new CrossRegionOptions(20, "POSTPAID_BY_DAY_MAX"),
            TimeSpan.FromHours(6), RequestedBy: "portal");
        var start = new TopologyStart(request, pairs, [new AccountConsent("beta", [pairs[0].Id, pairs[2].Id]), new AccountConsent("gamma", [pairs[1].Id])]);
        var context = new FakeTopologyContext().Decide(
            new TopologyDecision("http:gamma:k1", "gamma", false, DecisionSources.Http, "approver of gamma"),
            new TopologyDecision("http:beta:k2", "beta", true, DecisionSources.Http, "approver of beta"));

        var outcome = await context.RunPairsAsync(context.Start(start), FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Partial, outcome.Status);
        HistoryCompatibilityTests.AssertRecorded("topology-1.0", context.Schedule);
    }
}
