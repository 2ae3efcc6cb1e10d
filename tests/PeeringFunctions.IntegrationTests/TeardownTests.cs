using System.Net;
using System.Text.Json.Nodes;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>DELETE /api/peerings/{id}: everything the peering added is removed and every subnet goes back.</summary>
public sealed class TeardownTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Teardown_of_an_accepted_cross_account_peering_removes_both_sides_routes_restores_the_subnets_and_deletes_it()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));

        await TearDownAndCheckAsync(started.Id, AlphaVpc, BetaVpc, (AlphaPeeringTable, AlphaWebSubnet, AlphaMainTable), (BetaPeeringTable, BetaAppSubnet, BetaMainTable));
    }

    [Fact]
    public async Task Teardown_of_a_same_account_peering_removes_both_sides_routes_restores_the_subnets_and_deletes_it()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());

        await TearDownAndCheckAsync(started.Id, BetaVpc, BetaGzVpc, (BetaPeeringTable, BetaAppSubnet, BetaMainTable), (BetaGzMainTable, BetaGzSubnet, BetaGzMainTable));
    }

    [Fact]
    public async Task Pair_that_was_torn_down_can_be_peered_and_torn_down_again()
    {
        var first = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        await TearDownAndCheckAsync(first.Id, BetaVpc, BetaGzVpc, (BetaPeeringTable, BetaAppSubnet, BetaMainTable), (BetaGzMainTable, BetaGzSubnet, BetaGzMainTable));

        var second = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        Assert.Equal(first.Id, second.Id);
        await TearDownAndCheckAsync(second.Id, BetaVpc, BetaGzVpc, (BetaPeeringTable, BetaAppSubnet, BetaMainTable), (BetaGzMainTable, BetaGzSubnet, BetaGzMainTable));

        // Two peering records for the pair, both DELETED; the list shows the peering once, not its teardown.
        Assert.All(Emulator.Snapshot().PeeringsBetween(BetaVpc, BetaGzVpc), p => Assert.Equal("DELETED", p.State));
        Assert.Equal(2, Emulator.Snapshot().PeeringsBetween(BetaVpc, BetaGzVpc).Count);
        var list = JsonNode.Parse(await Api.Http.GetStringAsync("api/peerings"))!;
        Assert.Equal(1, (int?)list["count"]);
    }

    [Fact]
    public async Task Twenty_simultaneous_teardowns_run_exactly_one_and_the_peering_then_reads_TornDown()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        var active = await Api.WaitForEndAsync(started.Id);
        Assert.Equal(PeeringStatus.Active, active.State);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await Api.TeardownAsync(started.Id);
            return response.StatusCode;
        }));
        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(19, answers.Count(s => s == HttpStatusCode.Conflict));

        var done = await Api.WaitUntilAsync(started.Id, v => v.Teardown is { RuntimeStatus: "Completed" }, "teardown completed");
        Assert.Equal(LifecycleStates.TornDown, done.State);
        Assert.Equal(1, Emulator.Calls().ForAction("DeleteVpcPeeringConnection").Writes);
        Assert.Equal("DELETED", Emulator.Snapshot().Peering(active.PeeringConnectionId!)?.State);
        AssertNothingLeft(Emulator.Snapshot(), Seeded, BetaVpc, BetaGzVpc);
    }

    [Fact]
    public async Task A_torn_down_peering_is_listed_as_TornDown_not_Active_and_a_second_teardown_is_refused_with_409()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        Assert.Equal(PeeringStatus.Active, (await Api.WaitForEndAsync(started.Id)).State);
        using (var first = await Api.TeardownAsync(started.Id))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        await Api.WaitUntilAsync(started.Id, v => v.Teardown is { RuntimeStatus: "Completed" }, "teardown completed");
        var writes = Emulator.Calls().Totals.Writes;
        using var second = await Api.TeardownAsync(started.Id);
        var problem = PeeringApiDriver.Read<ProblemBody>(await second.Content.ReadAsStringAsync());
        var active = JsonNode.Parse(await Api.Http.GetStringAsync("api/peerings?state=Active"))!;
        var tornDown = JsonNode.Parse(await Api.Http.GetStringAsync("api/peerings?state=TornDown"))!;

        Assert.Equal(LifecycleStates.TornDown, (await Api.GetAsync(started.Id)).State);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(LifecycleStates.TornDown, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(writes, Emulator.Calls().Totals.Writes);
        Assert.Equal(0, (int?)active["count"]);
        Assert.Equal(started.Id, (string?)tornDown["peerings"]![0]!["id"]);
    }

    [Fact]
    public async Task The_host_still_serves_the_pair_after_simultaneous_teardowns_a_new_request_peers_it_again()
    {
        var first = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        Assert.Equal(PeeringStatus.Active, (await Api.WaitForEndAsync(first.Id)).State);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ => (await Api.TeardownAsync(first.Id)).Dispose()));
        await Api.WaitUntilAsync(first.Id, v => v.State == LifecycleStates.TornDown, "torn down");

        var second = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        var done = await Api.WaitForEndAsync(second.Id);

        Assert.Equal(PeeringStatus.Active, done.State);
        Assert.Null(done.Teardown);
        AssertActive(done, Emulator.Snapshot(), BetaVpc, BetaGzVpc, onlyLivePeering: true);
    }

    [Fact]
    public async Task Teardown_of_a_peering_deleted_in_the_tencent_console_with_its_routes_ends_removed_and_puts_the_subnets_back()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        var active = await Api.WaitForEndAsync(started.Id);
        var pcx = active.PeeringConnectionId!;
        Assert.Equal(PeeringStatus.Active, active.State);

        // Deleted in the console: Tencent takes the routes through it with it, on both sides.
        await Fixture.ConsoleOf(Beta, Shanghai).DeleteVpcPeeringConnection(
            new TencentCloud.Vpc.V20170312.Models.DeleteVpcPeeringConnectionRequest { PeeringConnectionId = pcx });
        Assert.Empty(Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));

        using var response = await Api.TeardownAsync(started.Id);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await Api.WaitUntilAsync(started.Id, v => v.Teardown is { RuntimeStatus: "Completed" }, "teardown completed");

        Assert.Equal(LifecycleStates.TornDown, done.State);
        Assert.Empty(done.Teardown!.Outcome!.Problems);
        var state = Emulator.Snapshot();
        AssertOnTable(state, BetaAppSubnet, BetaMainTable);
        AssertNothingLeft(state, Seeded, BetaVpc, BetaGzVpc);
        // No route was left to delete: the teardown read the tables and found none.
        Assert.Equal(0, Emulator.Calls().ForAction("DeleteRoutes").Total);
    }

    private async Task TearDownAndCheckAsync(
        string id, string initiatorVpc, string receiverVpc,
        (string Table, string Subnet, string SeededTable) initiator, (string Table, string Subnet, string SeededTable) receiver)
    {
        var active = await Api.WaitUntilAsync(id, v => v.RuntimeStatus is not ("Running" or "Pending") && v.Teardown is not { RuntimeStatus: "Running" or "Pending" }, "the end");
        var pcx = AssertActive(active, Emulator.Snapshot(), initiatorVpc, receiverVpc, onlyLivePeering: true).PeeringConnectionId;
        Assert.NotEmpty(Emulator.Snapshot().RoutesVia(initiator.Table, pcx));
        Assert.NotEmpty(Emulator.Snapshot().RoutesVia(receiver.Table, pcx));

        using var response = await Api.TeardownAsync(id);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(PeeringInstanceIds.TeardownOf(id), (string?)body["teardownId"]);

        var done = await Api.WaitUntilAsync(id, v => v.Teardown is { RuntimeStatus: "Completed" }, "teardown completed");
        Assert.Equal(TeardownStatus.Removed, done.Teardown!.Outcome!.Status);
        Assert.Empty(done.Teardown.Outcome.Problems);

        var state = Emulator.Snapshot();
        Assert.Equal("DELETED", state.Peering(pcx)?.State);
        Assert.Empty(state.RoutesVia(initiator.Table, pcx));
        Assert.Empty(state.RoutesVia(receiver.Table, pcx));
        AssertOnTable(state, initiator.Subnet, initiator.SeededTable);
        AssertOnTable(state, receiver.Subnet, receiver.SeededTable);
        AssertNothingLeft(state, Seeded, initiatorVpc, receiverVpc);
    }
}
