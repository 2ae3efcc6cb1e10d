using System.Net;
using Microsoft.DurableTask;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Registry;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>A request for a VPC pair that is already peered never writes to the receiver's side without its consent.</summary>
public sealed class SecondRequestTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task A_second_request_for_an_active_pair_is_refused_with_409_naming_the_peering_writes_nothing_and_keeps_the_record()
    {
        var first = await ActiveCrossRegionAsync();
        var writes = Emulator.Calls().Totals.Writes;

        // The same request again, and one asking for more on the receiver's side (its main table instead of the peering table).
        var asksForMore = PeeringRequests.CrossRegion().With(body => body["receiver"] = PeeringRequests.Side(Beta, Shanghai, BetaVpc));
        foreach (var body in new[] { PeeringRequests.CrossRegion(), asksForMore })
        {
            using var response = await Api.StartAsync(body);
            var problem = PeeringApiDriver.Read<ProblemBody>(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(first.Id, problem.Detail, StringComparison.Ordinal);
            Assert.Contains(first.PeeringConnectionId!, problem.Detail, StringComparison.Ordinal);
            Assert.Contains($"DELETE /api/peerings/{first.Id}", problem.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(writes, Emulator.Calls().Totals.Writes);
        var kept = await Api.GetAsync(first.Id);
        Assert.Equal(PeeringStatus.Active, kept.State);
        Assert.Equal(first.Outcome, kept.Outcome, OutcomeComparer.Instance);
        Assert.NotEmpty(kept.Outcome!.Receiver!.AssociationChanges);

        // The record it kept is what teardown undoes: nothing of the peering is left afterwards.
        using var teardown = await Api.TeardownAsync(first.Id);
        Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        await Api.WaitUntilAsync(first.Id, v => v.State == LifecycleStates.TornDown, "torn down");
        AssertNothingLeft(Emulator.Snapshot(), Seeded, AlphaVpc, BetaVpc);
    }

    [Fact]
    public async Task A_request_for_a_pair_already_active_on_tencent_but_unknown_here_waits_for_the_receivers_consent_and_a_refusal_writes_nothing()
    {
        // The pair is peered (say, by an earlier run whose record was lost, or in the Tencent console).
        var first = await ActiveCrossRegionAsync();
        await ForgetAsync(first.Id);
        var writes = Emulator.Calls().Totals.Writes;

        // Asks for routes on the receiver's main table, which the receiver never agreed to.
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion().With(body => body["receiver"] = PeeringRequests.Side(Beta, Shanghai, BetaVpc)));
        var waiting = await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        Assert.Equal(first.PeeringConnectionId, waiting.PeeringConnectionId);
        Assert.Equal(writes, Emulator.Calls().Totals.Writes);

        await Api.DecideAcceptedAsync(started.Id, accept: false, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal(PeeringStatus.Rejected, done.State);
        Assert.Contains("left as it was", done.Message, StringComparison.Ordinal);
        Assert.Empty(done.Outcome!.Undone);
        Assert.Equal(writes, Emulator.Calls().Totals.Writes);
        var state = Emulator.Snapshot();
        Assert.Equal("ACTIVE", state.Peering(first.PeeringConnectionId!)?.State);
        Assert.Empty(state.RoutesVia(BetaMainTable, first.PeeringConnectionId));
    }

    [Fact]
    public async Task A_request_for_a_pair_already_active_on_tencent_but_unknown_here_configures_the_receivers_side_once_it_consents()
    {
        var first = await ActiveCrossRegionAsync();
        await ForgetAsync(first.Id);

        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);

        // The routes were already there: the run adopts them, and Tencent's peering was not accepted a second time.
        Assert.Equal(PeeringStatus.Active, done.State);
        Assert.Equal(first.PeeringConnectionId, done.PeeringConnectionId);
        Assert.Equal(1, Emulator.Calls().ForAction("AcceptVpcPeeringConnection").Writes);
        AssertActive(done, Emulator.Snapshot(), AlphaVpc, BetaVpc, onlyLivePeering: true);
    }

    [Fact]
    public async Task A_run_started_before_version_2_replays_its_old_path_and_uses_the_active_peering_without_asking()
    {
        var first = await ActiveCrossRegionAsync();
        await Client.PurgeInstanceAsync(first.Id);

        // As an instance in flight when version 2 was deployed: no version, so no new wait may appear in its history.
        var request = new PeeringRequest("old run", first.Initiator.ToSide(), first.Receiver.ToSide());
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(PeeringOrchestrator), request, new StartOrchestrationOptions(first.Id));
        var done = await Api.WaitForEndAsync(first.Id);

        Assert.Equal(PeeringStatus.Active, done.State);
        Assert.Null(done.AcceptanceDeadline);
        Assert.Equal(first.PeeringConnectionId, done.PeeringConnectionId);
    }

    /// <summary>
    /// Loses every record of the peering here: its history purged and its registry record gone (a registry record in
    /// place alone refuses a new request for the pair, as for an adopted one).
    /// </summary>
    private async Task ForgetAsync(string id)
    {
        await Client.PurgeInstanceAsync(id);
        Assert.IsType<InMemoryPeeringRegistry>(Fixture.Host.Registry).Clear();
    }

    private async Task<PeeringView> ActiveCrossRegionAsync()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);
        Assert.Equal(PeeringStatus.Active, done.State);
        return done;
    }

    /// <summary>Outcomes hold lists, which records compare by reference: compare their JSON instead.</summary>
    private sealed class OutcomeComparer : IEqualityComparer<PeeringOutcome?>
    {
        public static readonly OutcomeComparer Instance = new();

        public bool Equals(PeeringOutcome? x, PeeringOutcome? y) =>
            System.Text.Json.JsonSerializer.Serialize(x, ApiJson.Options) == System.Text.Json.JsonSerializer.Serialize(y, ApiJson.Options);

        public int GetHashCode(PeeringOutcome? obj) => 0;
    }
}

internal static class PeeringSideViews
{
    public static PeeringSide ToSide(this PeeringSideView side) =>
        new(side.Region, side.VpcId, side.Account, RouteTableId: side.RouteTableId, SubnetIds: [.. side.SubnetIds]);
}
