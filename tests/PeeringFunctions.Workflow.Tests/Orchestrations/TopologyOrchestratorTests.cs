using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Tests.Fakes;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>A topology asks each receiving account once, then runs one peering workflow per consented pair.</summary>
public sealed class TopologyOrchestratorTests
{
    private const string Guangzhou = "ap-guangzhou";

    private static PeeringSide Side(string vpc, string account) => new(Guangzhou, $"vpc-{vpc}", Account: account);

    private static TopologyPair Pair(PeeringSide initiator, PeeringSide receiver, bool reused = false) =>
        new($"peering-{initiator.VpcId}-{receiver.VpcId}", initiator, receiver, false, null, reused, []);

    /// <summary>A hub of alpha with spokes of beta (two) and gamma (one).</summary>
    private static TopologyStart HubAndSpokes()
    {
        var hub = Side("hub00001", "alpha");
        TopologyPair[] pairs = [Pair(hub, Side("b1000001", "beta")), Pair(hub, Side("b2000001", "beta")), Pair(hub, Side("g1000001", "gamma"))];
        var request = new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId, [hub, .. pairs.Select(p => p.Receiver)], AcceptanceTimeout: TimeSpan.FromHours(4));
        return new TopologyStart(request, pairs, [new AccountConsent("beta", [pairs[0].Id, pairs[1].Id]), new AccountConsent("gamma", [pairs[2].Id])]);
    }

    private static TopologyDecision Accept(string account, string id = "d") => new($"{id}-{account}", account, true, DecisionSources.Http, $"approver of {account}");

    private static TopologyDecision Reject(string account) => new($"r-{account}", account, false, DecisionSources.Http, $"approver of {account}");

    [Fact]
    public async Task Each_receiving_account_gets_one_notice_listing_all_its_pairs()
    {
        var context = new FakeTopologyContext().Decide(Accept("beta"), Accept("gamma"));

        await context.RunPairsAsync(context.Start(HubAndSpokes()), FakeTopologyContext.Active);

        Assert.Equal(["beta", "gamma"], context.Notices.Select(n => n.Account));
        Assert.Equal(2, context.Notices[0].Pairs.Count);
        Assert.Equal("alpha/ap-guangzhou/vpc-hub00001 → beta/ap-guangzhou/vpc-b1000001", context.Notices[0].Pairs[0]);
        Assert.Equal(FakeOrchestrationContext.DefaultNow.AddHours(4), context.Notices[0].Deadline);
    }

    [Fact]
    public async Task When_every_account_accepts_every_pair_runs_pre_approved_and_the_topology_is_complete()
    {
        var context = new FakeTopologyContext().Decide(Accept("beta"), Accept("gamma"));

        var outcome = await context.RunPairsAsync(context.Start(HubAndSpokes()), FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Complete, outcome.Status);
        Assert.Equal(3, context.Started.Count);
        Assert.All(context.Started, pair =>
        {
            Assert.Equal(PeeringOrchestrator.CurrentVersion, pair.Version);
            Assert.Equal(pair.InstanceId, $"peering-{pair.Request.Initiator.VpcId}-{pair.Request.Receiver.VpcId}");
            Assert.True(pair.Request.PreApproval!.Accept);
            Assert.Equal(DecisionSources.Topology, pair.Request.PreApproval.Source);
            Assert.Equal("topology topology-core", pair.Request.RequestedBy);
        });
        Assert.Equal($"approver of beta ({DecisionSources.Http})", context.Started[0].Request.PreApproval!.DecidedBy);
        Assert.All(outcome.Pairs, p => Assert.Equal(PeeringStatus.Active, p.State));
        Assert.True(context.Deadline.WasCancelled);
    }

    [Fact]
    public async Task A_rejection_drops_that_accounts_pairs_and_the_rest_go_on_to_a_partial_end()
    {
        var context = new FakeTopologyContext().Decide(Reject("beta"), Accept("gamma"));

        var outcome = await context.RunPairsAsync(context.Start(HubAndSpokes()), FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Partial, outcome.Status);
        Assert.Equal(["vpc-g1000001"], context.Started.Select(p => p.Request.Receiver.VpcId));
        Assert.Equal([PairStates.NotConsented, PairStates.NotConsented, PeeringStatus.Active], outcome.Pairs.Select(p => p.State));
        Assert.Equal("beta rejected the topology; nothing was created for this pair.", outcome.Pairs[0].Message);
        Assert.Contains("1 of 3 peerings are ACTIVE", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_and_second_decisions_of_an_account_change_nothing()
    {
        var context = new FakeTopologyContext().Decide(Accept("beta"), Accept("beta"), Reject("beta"), Accept("gamma"));

        var outcome = await context.RunPairsAsync(context.Start(HubAndSpokes()), FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Complete, outcome.Status);
        Assert.Equal(ConsentStates.Accepted, outcome.Accounts.Single(a => a.Account == "beta").Decision);
        Assert.Equal("d-beta", outcome.Accounts.Single(a => a.Account == "beta").DecisionId);
    }

    [Fact]
    public async Task A_decision_from_an_account_not_asked_is_ignored()
    {
        var context = new FakeTopologyContext().Decide(Accept("alpha"), Accept("beta"), Accept("gamma"));

        var outcome = await context.RunPairsAsync(context.Start(HubAndSpokes()), FakeTopologyContext.Active);

        Assert.DoesNotContain(outcome.Accounts, a => a.Account == "alpha");
        Assert.Equal(3, context.Started.Count);
    }

    [Fact]
    public async Task An_account_silent_until_the_deadline_has_its_pairs_dropped_as_expired()
    {
        var context = new FakeTopologyContext().Decide(Accept("gamma"));
        var run = context.Start(HubAndSpokes());
        await Task.Delay(50);
        Assert.False(run.IsCompleted);

        context.Deadline.Fire();
        var outcome = await context.RunPairsAsync(run, FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Partial, outcome.Status);
        Assert.Equal(ConsentStates.Expired, outcome.Accounts.Single(a => a.Account == "beta").Decision);
        Assert.Single(context.Started);
    }

    [Fact]
    public async Task When_no_account_consents_the_topology_is_refused_and_nothing_runs()
    {
        var context = new FakeTopologyContext().Decide(Reject("beta"), Reject("gamma"));

        var outcome = await context.RunPairsAsync(context.Start(HubAndSpokes()), FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Refused, outcome.Status);
        Assert.Empty(context.Started);
    }

    [Fact]
    public async Task A_failed_pair_is_reported_with_its_reason_and_the_others_still_end_active()
    {
        var context = new FakeTopologyContext().Decide(Accept("beta"), Accept("gamma"));

        var outcome = await context.RunPairsAsync(context.Start(HubAndSpokes()), pair => pair.Request.Receiver.Account == "gamma"
            ? FakeTopologyContext.Active(pair) with { Status = PeeringStatus.Failed, Message = "Failed at Configuring: RouteTableLimitExceeded" }
            : FakeTopologyContext.Active(pair));

        Assert.Equal(TopologyStatus.Partial, outcome.Status);
        Assert.Equal([PeeringStatus.Active, PeeringStatus.Active, PeeringStatus.Failed], outcome.Pairs.Select(p => p.State));
        Assert.Equal("Failed at Configuring: RouteTableLimitExceeded", outcome.Pairs[2].Message);
    }

    [Fact]
    public async Task At_most_the_bound_of_pairs_of_one_account_run_at_once()
    {
        var hub = Side("hub00001", "alpha");
        var pairs = Enumerable.Range(1, 9).Select(i => Pair(hub, Side($"s{i}000001", "beta"))).ToArray();
        var start = new TopologyStart(new TopologyRequest("star", TopologyShapes.HubAndSpoke, hub.VpcId, [hub, .. pairs.Select(p => p.Receiver)]),
            pairs, [new AccountConsent("beta", [.. pairs.Select(p => p.Id)])]);
        var context = new FakeTopologyContext().Decide(Accept("beta"));

        var outcome = await context.RunPairsAsync(context.Start(start), FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Complete, outcome.Status);
        Assert.Equal(9, context.Started.Count);
        Assert.Equal(TopologyOrchestrator.MaximumRunningPairsPerAccount, context.MostRunningPerAccount);
    }

    [Fact]
    public async Task Reused_pairs_ask_nobody_and_start_nothing()
    {
        var pair = Pair(Side("a0000001", "alpha"), Side("b0000001", "beta"), reused: true);
        var start = new TopologyStart(new TopologyRequest("two", TopologyShapes.Mesh, null, [pair.Initiator, pair.Receiver]), [pair], []);
        var context = new FakeTopologyContext();

        var outcome = await context.RunPairsAsync(context.Start(start), FakeTopologyContext.Active);

        Assert.Equal(TopologyStatus.Complete, outcome.Status);
        Assert.Empty(context.Notices);
        Assert.Empty(context.Started);
        Assert.Equal(PairStates.Reused, Assert.Single(outcome.Pairs).State);
    }

    [Fact]
    public async Task The_status_shows_the_waiting_accounts_and_queued_pairs_while_it_waits_for_consent()
    {
        var context = new FakeTopologyContext().Decide(Accept("gamma"));
        var run = context.Start(HubAndSpokes());
        await Task.Delay(50);

        var waiting = context.Progress[^1];
        Assert.Equal(TopologySteps.WaitingForConsent, waiting.Step);
        Assert.Equal([ConsentStates.Waiting, ConsentStates.Accepted], waiting.Accounts.Select(a => a.Decision));
        Assert.Equal(FakeOrchestrationContext.DefaultNow.AddHours(4), waiting.ConsentDeadline);
        Assert.All(waiting.PairStates, state => Assert.Equal(PairStates.WaitingForConsent, state));

        context.Decide(Accept("beta"));
        await context.RunPairsAsync(run, FakeTopologyContext.Active);
        Assert.Equal(TopologySteps.Completed, context.Progress[^1].Step);
    }

    [Fact]
    public async Task The_status_of_an_eleven_VPC_mesh_over_eleven_accounts_stays_inside_Durables_16_KB()
    {
        var members = Enumerable.Range(0, 11).Select(i => Side($"m{i:d7}", $"account{i:d2}")).ToArray();
        var pairs = new List<TopologyPair>();
        for (var i = 0; i < members.Length; i++)
        {
            for (var j = i + 1; j < members.Length; j++)
            {
                pairs.Add(Pair(members[i], members[j]));
            }
        }

        var consents = pairs.GroupBy(p => p.ReceivingAccount).Select(g => new AccountConsent(g.Key, [.. g.Select(p => p.Id)])).ToList();
        var start = new TopologyStart(new TopologyRequest("big", TopologyShapes.Mesh, null, members), pairs, consents);
        var context = new FakeTopologyContext().Decide([.. consents.Select(c => Accept(c.Account, "a-long-idempotency-key-of-forty-characters"))]);

        var outcome = await context.RunPairsAsync(context.Start(start), pair => FakeTopologyContext.Active(pair) with { Status = PeeringStatus.Failed, Message = new string('x', 200) });

        Assert.Equal(55, outcome.Pairs.Count);
        var largest = context.Progress.Max(p => System.Text.Json.JsonSerializer.Serialize(p, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)).Length);
        Assert.True(largest * 2 < 16 * 1024, $"the largest status is {largest} characters ({largest * 2} bytes of UTF-16)");
    }
}
