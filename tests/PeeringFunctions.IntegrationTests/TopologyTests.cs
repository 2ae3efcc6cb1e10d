using System.Net;
using System.Text.Json.Nodes;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Testing.Builders;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.Support.TopologyHostFixture;

namespace PeeringFunctions.IntegrationTests;

/// <summary>Topologies on the local host against the emulator: planned on reads, one consent per account, one peering per pair.</summary>
public sealed class TopologyTests(TopologyHostFixture fixture) : IntegrationTest(fixture), IClassFixture<TopologyHostFixture>
{
    private TopologyApiDriver Topologies => Fixture.Topologies;

    private static JsonObject Mesh(string name, params int[] vpcs) => TopologyRequests.Mesh(name, vpcs, Accounts, Regions);

    private static JsonObject HubAndSpoke(string name, int hub, params int[] spokes) => TopologyRequests.HubAndSpoke(name, hub, spokes, Accounts, Regions);

    private static string Key(string account) => DemoIds.ApproverKey(account);

    /// <summary>Every live peering joining two of the VPCs, and that each side's main table routes the peer's CIDR through it, enabled.</summary>
    private void AssertPeeredWithRoutes(int a, int b)
    {
        var state = Emulator.Snapshot();
        var peering = Assert.Single(state.LivePeeringsBetween(TopologySeeds.Vpc(a), TopologySeeds.Vpc(b)));
        Assert.Equal("ACTIVE", peering.State);
        foreach (var (side, peer) in new[] { (a, b), (b, a) })
        {
            var route = Assert.Single(state.RoutesVia(TopologySeeds.Table(side), peering.PeeringConnectionId));
            Assert.Equal(TopologySeeds.CidrOf(peer), route.DestinationCidrBlock);
            Assert.True(route.Enabled);
        }
    }

    [Fact]
    public async Task A_six_VPC_mesh_over_three_accounts_in_two_regions_ends_complete_after_one_approval_per_receiving_account()
    {
        var plan = await Topologies.StartAcceptedAsync(Mesh("six", 0, 1, 2, 3, 4, 5));
        Assert.Equal(15, plan.Pairs.Count);
        Assert.Equal(["team01", "team02", "team03"], plan.Consents.Select(c => c.Account).Order());
        await Topologies.WaitForConsentAsync(plan.Id);

        foreach (var consent in plan.Consents)
        {
            await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key(consent.Account));
        }

        var done = await Topologies.WaitForEndAsync(plan.Id);
        Assert.Equal(TopologyStatus.Complete, done.State);
        Assert.All(done.Pairs, p => Assert.Equal((PeeringStatus.Active, PeeringStatus.Active), (p.State, p.Peering)));
        Assert.Equal(15, Emulator.Snapshot().Peerings.Count(p => p.State == "ACTIVE"));
        for (var a = 0; a < 6; a++)
        {
            for (var b = a + 1; b < 6; b++)
            {
                AssertPeeredWithRoutes(a, b);
            }
        }

        // Three decisions were all the consent asked for: no pair's peering waited for its own.
        Assert.Equal(3, done.Accounts.Count(a => a.Decision == ConsentStates.Accepted));
        var pair = await Api.GetAsync(done.Pairs[0].Id);
        Assert.Equal("approver of team02 (http) (topology)", pair.ApprovedBy);
        Assert.StartsWith($"topology {plan.Id}", pair.RequestedBy, StringComparison.Ordinal);

        // Its trail opens with the topology's request, then the one consent that covered it, once.
        var trail = await Api.AuditAsync(pair.Id);
        Assert.Equal("request-received", trail[0].Kind);
        Assert.Contains(plan.Id, trail[0].Summary, StringComparison.Ordinal);
        var taken = Assert.Single(trail, e => e.Kind == "accepted");
        Assert.Equal(("approver of team02", "http"), (taken.Actor, taken.Channel));
        Assert.True(trail.ToList().IndexOf(taken) < trail.ToList().FindIndex(e => e.Kind == "tencent-write"));
    }

    [Fact]
    public async Task A_hub_and_spoke_where_one_spokes_account_rejects_ends_partial_with_nothing_left_of_the_rejected_pairs()
    {
        // Hub vpc-topo0000 (team01); spokes 1 and 4 of team02, 2 and 5 of team03.
        var plan = await Topologies.StartAcceptedAsync(HubAndSpoke("star", 0, 1, 2, 4, 5));
        await Topologies.WaitForConsentAsync(plan.Id);

        await Topologies.DecideAcceptedAsync(plan.Id, accept: false, Key("team03"));
        await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key("team02"));

        var done = await Topologies.WaitForEndAsync(plan.Id);
        Assert.Equal(TopologyStatus.Partial, done.State);
        Assert.Equal([PeeringStatus.Active, PairStates.NotConsented, PeeringStatus.Active, PairStates.NotConsented], done.Pairs.Select(p => p.State));
        Assert.Equal("team03 rejected the topology; nothing was created for this pair.", done.Pairs[1].Message);
        AssertPeeredWithRoutes(0, 1);
        AssertPeeredWithRoutes(0, 4);
        var state = Emulator.Snapshot();
        foreach (var rejected in new[] { 2, 5 })
        {
            Assert.Empty(state.PeeringsBetween(TopologySeeds.Vpc(0), TopologySeeds.Vpc(rejected)));
            Assert.DoesNotContain(state.RouteTable(TopologySeeds.Table(rejected))!.Routes, r => r.GatewayType == "PEERCONNECTION");
        }

        Assert.Equal(2, state.RouteTable(TopologySeeds.Table(0))!.Routes.Count(r => r.GatewayType == "PEERCONNECTION"));
    }

    [Fact]
    public async Task A_plan_breaking_a_VPCs_peering_quota_is_refused_before_any_write()
    {
        // vpc-topo0000 already asks nine other VPCs to peer (PENDING counts): two more would make eleven.
        var console = Fixture.ConsoleOf("team01", DemoIds.Guangzhou);
        for (var other = 3; other < 12; other++)
        {
            var (account, region) = TopologySeeds.PlaceOf(other, Accounts, Regions);
            await console.CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
            {
                SourceVpcId = TopologySeeds.Vpc(0),
                PeeringConnectionName = $"old-{other}",
                DestinationVpcId = TopologySeeds.Vpc(other),
                DestinationUin = Emulator.Accounts.Single(a => a.Name == account).Uin.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DestinationRegion = region,
                Bandwidth = region == DemoIds.Guangzhou ? null : 10,
            });
        }

        Emulator.ResetCalls();

        var problem = JsonNode.Parse(await Topologies.StartExpectingAsync(HubAndSpoke("full", 0, 1, 2), HttpStatusCode.UnprocessableEntity))!;

        Assert.Contains("has 9 live peering connections and the topology adds 2: 11, over Tencent's quota of 10 per VPC",
            (string)problem["errors"]![0]!["rule"]!, StringComparison.Ordinal);
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        using var get = await Fixture.Http.GetAsync("api/topologies/topology-full");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task A_plan_with_overlapping_members_is_refused_before_any_write_naming_the_overlap()
    {
        Emulator.AddAssistantCidr(TopologySeeds.Vpc(1), TopologySeeds.CidrOf(2));
        Emulator.ResetCalls();

        var problem = JsonNode.Parse(await Topologies.StartExpectingAsync(Mesh("overlap", 0, 1, 2), HttpStatusCode.UnprocessableEntity))!;

        var rules = problem["errors"]!.AsArray().Select(e => (string)e!["rule"]!).ToList();
        Assert.Contains(rules, r => r.StartsWith($"{TopologySeeds.Vpc(1)} ↔ {TopologySeeds.Vpc(2)}: CIDR {TopologySeeds.CidrOf(2)} of {TopologySeeds.Vpc(1)} overlaps", StringComparison.Ordinal));
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.Empty(Emulator.Snapshot().Peerings);
    }

    [Fact]
    public async Task A_dry_run_answers_the_plan_and_makes_no_write()
    {
        Emulator.ResetCalls();

        var plan = PeeringApiDriver.Read<TopologyPlanView>(await Topologies.StartExpectingAsync(Mesh("dry", 0, 1, 2, 3), HttpStatusCode.OK, dryRun: true));

        Assert.True(plan.Feasible);
        Assert.Equal(6, plan.Pairs.Count);
        Assert.Equal(6, plan.CallsPlanned["CreateVpcPeeringConnection"]);
        Assert.Equal(12, plan.CallsPlanned["CreateRoutes"]);
        Assert.Equal([TopologySeeds.CidrOf(1)], plan.Pairs[0].Routes[0].DestinationsToAdd);
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.True(Emulator.Calls().Totals.Total > 0, "planning read nothing");
        using var get = await Fixture.Http.GetAsync($"api/topologies/{plan.Id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_problem_with_no_Tencent_call()
    {
        Emulator.ResetCalls();
        var body = Mesh("bad", 0, 0);
        body["shape"] = "ring";

        var problem = JsonNode.Parse(await Topologies.StartExpectingAsync(body, HttpStatusCode.BadRequest))!;

        Assert.Equal(["shape", "members[1].vpcId"], problem["errors"]!.AsArray().Select(e => (string)e!["field"]!));
        Assert.Equal(0, Emulator.Calls().Totals.Total);
    }

    [Fact]
    public async Task Only_a_receiving_accounts_approver_decides_and_only_once()
    {
        var plan = await Topologies.StartAcceptedAsync(HubAndSpoke("keys", 0, 1));
        await Topologies.WaitForConsentAsync(plan.Id);

        using (var hubs = await Topologies.DecideAsync(plan.Id, true, Key("team01")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, hubs.StatusCode);
        }

        using (var none = await Topologies.DecideAsync(plan.Id, true, null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key("team02"));
        using (var again = await Topologies.DecideAsync(plan.Id, false, Key("team02")))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        Assert.Equal(TopologyStatus.Complete, (await Topologies.WaitForEndAsync(plan.Id)).State);
    }

    [Fact]
    public async Task The_list_names_each_topology_with_its_state_and_pairs_active_and_the_portal_links_its_page()
    {
        var plan = await Topologies.StartAcceptedAsync(HubAndSpoke("listed", 0, 1, 2));
        await Topologies.WaitForConsentAsync(plan.Id);

        var waiting = Assert.Single(await Topologies.ListAsync(), t => t.Id == plan.Id);
        Assert.Equal(("listed", TopologyShapes.HubAndSpoke, TopologySteps.WaitingForConsent, 0, 2),
            (waiting.Name, waiting.Shape, waiting.State, waiting.PairsActive, waiting.PairsTotal));

        foreach (var consent in plan.Consents)
        {
            await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key(consent.Account));
        }

        Assert.Equal(TopologyStatus.Complete, (await Topologies.WaitForEndAsync(plan.Id)).State);
        var done = Assert.Single(await Topologies.ListAsync(), t => t.Id == plan.Id);
        Assert.Equal((TopologyStatus.Complete, 2, 2), (done.State, done.PairsActive, done.PairsTotal));

        var portal = await Fixture.Http.GetStringAsync("api/portal");
        Assert.Contains($"<a href=\"/api/portal/topologies/{plan.Id}\" data-keep-code>listed</a>", portal, StringComparison.Ordinal);
        Assert.Contains("<td>2 of 2</td>", portal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_page_draws_every_pair_active_and_teardown_removes_every_pair_the_topology_created()
    {
        var plan = await Topologies.StartAcceptedAsync(Mesh("gone", 0, 1, 2));
        await Topologies.WaitForConsentAsync(plan.Id);
        foreach (var consent in plan.Consents)
        {
            await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key(consent.Account));
        }

        Assert.Equal(TopologyStatus.Complete, (await Topologies.WaitForEndAsync(plan.Id)).State);
        var page = await Fixture.Http.GetStringAsync($"api/portal/topologies/{plan.Id}");
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(page, "<line class=\"link active\""));
        Assert.Contains($">{TopologySeeds.CidrOf(2)}</text>", page, StringComparison.Ordinal);

        using (var teardown = await Topologies.TeardownAsync(plan.Id))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        var after = await Topologies.WaitUntilAsync(plan.Id, v => v.Pairs.All(p => p.Peering == LifecycleStates.TornDown), "every pair torn down");
        Assert.Equal(3, after.Pairs.Count);
        var state = Emulator.Snapshot();
        Assert.DoesNotContain(state.Peerings, p => p.State is "ACTIVE" or "PENDING");
        Assert.Empty(state.PeeringRoutes());
    }

    [Fact]
    public async Task A_member_added_later_asks_consent_only_for_its_own_pairs_and_keeps_the_ones_in_place()
    {
        var plan = await Topologies.StartAcceptedAsync(Mesh("grow", 0, 1, 2));
        await Topologies.WaitForConsentAsync(plan.Id);
        foreach (var consent in plan.Consents)
        {
            await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key(consent.Account));
        }

        Assert.Equal(TopologyStatus.Complete, (await Topologies.WaitForEndAsync(plan.Id)).State);
        Emulator.ResetCalls();

        var added = PeeringApiDriver.Read<TopologyPlanView>(await Topologies.AddMemberExpectingAsync(plan.Id, TopologyRequests.Member(3, Accounts, Regions), HttpStatusCode.Accepted));

        Assert.Equal(3, added.Pairs.Count(p => p.Reused));
        Assert.Equal([TopologySeeds.Vpc(3), TopologySeeds.Vpc(3), TopologySeeds.Vpc(3)], added.Pairs.Where(p => !p.Reused).Select(p => p.Receiver.VpcId));
        var asked = Assert.Single(added.Consents); // vpc-topo0003 is team01's: the only account receiving a new pair
        Assert.Equal("team01", asked.Account);
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        await Topologies.WaitForConsentAsync(plan.Id);
        await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key("team01"));

        var done = await Topologies.WaitForEndAsync(plan.Id);
        Assert.Equal(TopologyStatus.Complete, done.State);
        Assert.Equal(6, done.Pairs.Count);
        Assert.Equal(6, Emulator.Snapshot().Peerings.Count(p => p.State == "ACTIVE"));
        AssertPeeredWithRoutes(0, 3);
        AssertPeeredWithRoutes(2, 3);

        // Its teardown removes the pairs of both runs: the first run made the reused ones.
        using (var teardown = await Topologies.TeardownAsync(plan.Id))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await Topologies.WaitUntilAsync(plan.Id, v => v.Pairs.All(p => p.Peering == LifecycleStates.TornDown), "every pair torn down");
        Assert.DoesNotContain(Emulator.Snapshot().Peerings, p => p.State is "ACTIVE" or "PENDING");
    }

    [Fact]
    public async Task A_member_already_in_the_topology_is_a_400()
    {
        var plan = await Topologies.StartAcceptedAsync(HubAndSpoke("again", 0, 1));
        await Topologies.WaitForConsentAsync(plan.Id);
        await Topologies.DecideAcceptedAsync(plan.Id, accept: true, Key("team02"));
        await Topologies.WaitForEndAsync(plan.Id);

        var problem = JsonNode.Parse(await Topologies.AddMemberExpectingAsync(plan.Id, TopologyRequests.Member(1, Accounts, Regions), HttpStatusCode.BadRequest))!;

        Assert.Equal("member.vpcId", (string)problem["errors"]![0]!["field"]!);
    }
}
