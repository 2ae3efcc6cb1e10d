using System.Net;
using Microsoft.DurableTask;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>The ways a request ends without routes: rejected, never answered, or asked for twice.</summary>
public sealed class DecisionTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Peering_rejected_by_the_receivers_approver_ends_rejected_with_the_request_rejected_on_tencent_and_no_routes()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var pcx = (await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance)).PeeringConnectionId!;

        await Api.DecideAcceptedAsync(started.Id, accept: false, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(PeeringStatus.Rejected, done.State);
        Assert.Equal(pcx, done.PeeringConnectionId);
        var state = Emulator.Snapshot();
        Assert.Equal("REJECTED", Assert.Single(state.PeeringsBetween(AlphaVpc, BetaVpc)).State);
        Assert.Equal(1, Emulator.Calls().ByAccountAndAction[Beta]["RejectVpcPeeringConnection"].Writes);
        AssertNothingLeft(state, Seeded, AlphaVpc, BetaVpc);
    }

    [Fact]
    public async Task Duplicate_request_is_answered_409_with_the_running_instance_and_creates_no_second_peering()
    {
        var first = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());

        // At once (the instance may not have run yet) ...
        using (var immediate = await Api.StartAsync(PeeringRequests.CrossRegion()))
        {
            Assert.Equal(HttpStatusCode.Conflict, immediate.StatusCode);
            Assert.Equal(first.Id, PeeringApiDriver.Read<PeeringView>(await immediate.Content.ReadAsStringAsync()).Id);
        }

        // ... and once it waits for the receiver, also when asked the other way round.
        var waiting = await Api.WaitForStepAsync(first.Id, PeeringSteps.WaitingForAcceptance);
        var reversed = PeeringRequests.CrossRegion().With(body =>
        {
            (body["initiator"], body["receiver"]) = (body["receiver"]!.DeepClone(), body["initiator"]!.DeepClone());
        });
        using var duplicate = await Api.StartAsync(reversed);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal($"/api/peerings/{first.Id}", duplicate.Headers.Location?.OriginalString);
        var running = PeeringApiDriver.Read<PeeringView>(await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(first.Id, running.Id);
        Assert.Equal("Running", running.RuntimeStatus);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, running.State);
        Assert.Equal(waiting.PeeringConnectionId, running.PeeringConnectionId);

        var state = Emulator.Snapshot();
        Assert.Equal("PENDING", Assert.Single(state.PeeringsBetween(AlphaVpc, BetaVpc)).State);
        Assert.Equal(1, Emulator.Calls().ForAction("CreateVpcPeeringConnection").Total);
    }

    [Fact]
    public async Task Peering_nobody_decides_on_before_the_deadline_expires_and_its_pending_request_is_withdrawn()
    {
        // The API's shortest deadline is PT1M, so the orchestration is started directly with a 2 s one.
        var request = new PeeringRequest(
            "short deadline",
            new PeeringSide(Guangzhou, AlphaVpc, Alpha, RouteTableId: AlphaPeeringTable, SubnetIds: [AlphaWebSubnet]),
            new PeeringSide(Shanghai, BetaVpc, Beta, RouteTableId: BetaPeeringTable, SubnetIds: [BetaAppSubnet]),
            CrossRegion: new CrossRegionOptions(10),
            AcceptanceTimeout: TimeSpan.FromSeconds(2));
        var id = PeeringInstanceIds.For(request);
        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(PeeringOrchestrator), request, new StartOrchestrationOptions(id) { Version = PeeringOrchestrator.CurrentVersion });

        var waiting = await Api.WaitForStepAsync(id, PeeringSteps.WaitingForAcceptance);
        var pcx = waiting.PeeringConnectionId!;
        Assert.Equal("PENDING", Emulator.Snapshot().Peering(pcx)?.State);
        var done = await Api.WaitForEndAsync(id, TimeSpan.FromSeconds(20));

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(PeeringStatus.Expired, done.State);
        Assert.Equal([$"withdrew pending request {pcx}"], done.Outcome!.Undone);
        Assert.InRange(done.LastUpdatedAt - done.CreatedAt, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        var state = Emulator.Snapshot();
        Assert.Equal("DELETED", state.Peering(pcx)?.State);
        AssertNothingLeft(state, Seeded, AlphaVpc, BetaVpc);

        // Too late to decide now.
        using var late = await Api.DecideAsync(id, accept: true, ApproverKey(Beta));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Ten_accepts_and_ten_rejects_at_once_make_one_decision_and_every_other_caller_is_told_which_one_won()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await Api.DecideAsync(started.Id, accept: i % 2 == 0, ApproverKey(Beta));
            return (Accept: i % 2 == 0, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        var done = await Api.WaitForEndAsync(started.Id);
        var acceptWon = done.State == PeeringStatus.Active;

        Assert.Contains(done.State, new[] { PeeringStatus.Active, PeeringStatus.Rejected });
        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(acceptWon, winner.Accept);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), loser =>
        {
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            Assert.Contains(acceptWon ? "accepted" : "rejected", PeeringApiDriver.Read<ProblemBody>(loser.Body).Detail, StringComparison.Ordinal);
        });
        Assert.Equal(1, Emulator.Calls().ForAction(acceptWon ? "AcceptVpcPeeringConnection" : "RejectVpcPeeringConnection").Writes);
        Assert.Equal(0, Emulator.Calls().ForAction(acceptWon ? "RejectVpcPeeringConnection" : "AcceptVpcPeeringConnection").Writes);
    }

    [Fact]
    public async Task Without_a_credential_an_unknown_and_an_existing_peering_get_the_same_401()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        using var existing = await Api.DecideAsync(started.Id, accept: true, approverKey: null);
        using var unknown = await Api.DecideAsync("peering-vpc-nothere1-vpc-nothere2", accept: true, approverKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, existing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await existing.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Assert.Equal(PeeringSteps.WaitingForAcceptance, (await Api.GetAsync(started.Id)).State);
    }
}
