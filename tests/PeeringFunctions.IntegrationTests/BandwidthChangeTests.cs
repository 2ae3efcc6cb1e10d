using System.Net;
using System.Text.Json.Nodes;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// PATCH /api/peerings/{id} through the local host: a live cross-region peering's bandwidth changes on the emulator,
/// the status shows what the emulator reports, and what must be refused is refused before any write.
/// </summary>
public sealed class BandwidthChangeTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>alpha (gz) → beta (sh) at 20 Mbps, accepted by beta: Active.</summary>
    private async Task<PeeringView> ActiveCrossRegionAsync()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion("bandwidth"));
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var active = await Api.WaitForEndAsync(started.Id);
        Assert.Equal(PeeringStatus.Active, active.State);
        return active;
    }

    private Task<PeeringView> WaitForChangeToEndAsync(string id) =>
        Api.WaitUntilAsync(id, v => v.Bandwidth?.LastChange?.Outcome is not null, "the bandwidth change ended");

    private static async Task<JsonNode> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task A_cross_region_peerings_bandwidth_changes_on_tencent_and_the_status_shows_what_tencent_reports()
    {
        var active = await ActiveCrossRegionAsync();
        Assert.Equal(new PeeringBandwidthView(20, PeeringBandwidthView.ReadByVerification, active.LastUpdatedAt, null), active.Bandwidth);
        Emulator.ResetCalls();

        using (var response = await Api.ChangeBandwidthAsync(active.Id, """{"bandwidthMbps": 200}"""))
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal($"/api/peerings/{active.Id}", response.Headers.Location?.OriginalString);
            Assert.Equal(PeeringInstanceIds.BandwidthChangeOf(active.Id), (string?)body["changeId"]);
            Assert.Equal(200, (long?)body["bandwidthMbps"]);
        }

        var changed = await WaitForChangeToEndAsync(active.Id);

        Assert.Equal(BandwidthChangeStatus.Changed, changed.Bandwidth!.LastChange!.Outcome!.Status);
        Assert.Equal(200, changed.Bandwidth.Mbps);
        Assert.Equal(PeeringBandwidthView.ReadByChange, changed.Bandwidth.ReadBy);
        Assert.Equal(PeeringStatus.Active, changed.State);
        var held = Emulator.Snapshot().Peering(active.PeeringConnectionId!)!;
        Assert.Equal(200, held.Bandwidth);
        Assert.Equal("ACTIVE", held.State);
        var modify = Emulator.Calls().ForAction("ModifyVpcPeeringConnection");
        Assert.Equal((1L, 0L), (modify.Writes, modify.Errors));
        Assert.Equal(1, Emulator.Calls().Totals.Writes);
    }

    [Fact]
    public async Task Asking_for_the_bandwidth_the_peering_has_is_unchanged_and_writes_nothing()
    {
        var active = await ActiveCrossRegionAsync();
        Emulator.ResetCalls();

        using (var response = await Api.ChangeBandwidthAsync(active.Id, """{"bandwidthMbps": 20}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var done = await WaitForChangeToEndAsync(active.Id);

        Assert.Equal(BandwidthChangeStatus.Unchanged, done.Bandwidth!.LastChange!.Outcome!.Status);
        Assert.Equal(20, done.Bandwidth.Mbps);
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
    }

    [Fact]
    public async Task An_intra_region_peering_is_refused_with_409_and_nothing_is_written()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var active = await Api.WaitForEndAsync(started.Id);
        Assert.Equal(PeeringStatus.Active, active.State);
        Assert.Null(active.Bandwidth);
        Emulator.ResetCalls();
        var before = Emulator.Snapshot().Peering(active.PeeringConnectionId!)!;

        using var response = await Api.ChangeBandwidthAsync(active.Id, """{"bandwidthMbps": 200}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal("An intra-region peering has no bandwidth cap.", (string?)problem["title"]);
        Assert.Contains("intra-region", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.Equal(0, Emulator.Calls().ForAction("ModifyVpcPeeringConnection").Total);
        var after = Emulator.Snapshot().Peering(active.PeeringConnectionId!)!;
        Assert.Equal((before.State, before.Bandwidth, before.ChargeType), (after.State, after.Bandwidth, after.ChargeType));
        Assert.Null((await Api.GetAsync(active.Id)).Bandwidth);
    }

    [Fact]
    public async Task A_second_change_while_one_runs_is_refused_with_409_and_only_the_first_is_written()
    {
        var active = await ActiveCrossRegionAsync();
        // The first change's write takes a while, so the second PATCH arrives while it runs.
        Emulator.SetLatency("ModifyVpcPeeringConnection", TimeSpan.FromSeconds(1));
        Emulator.ResetCalls();

        using (var first = await Api.ChangeBandwidthAsync(active.Id, """{"bandwidthMbps": 300}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        using (var second = await Api.ChangeBandwidthAsync(active.Id, """{"bandwidthMbps": 400}"""))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Equal("A bandwidth change is already running.", (string?)(await ProblemOf(second))["title"]);
        }

        var done = await WaitForChangeToEndAsync(active.Id);
        Assert.Equal(300, done.Bandwidth!.Mbps);
        Assert.Equal(300, Emulator.Snapshot().Peering(active.PeeringConnectionId!)!.Bandwidth);
        Assert.Equal(1, Emulator.Calls().ForAction("ModifyVpcPeeringConnection").Writes);
    }

    [Theory]
    [InlineData("""{"bandwidthMbps": "200"}""", "bandwidthMbps")]
    [InlineData("""{"bandwidthMbps": 1.5}""", "bandwidthMbps")]
    [InlineData("""{"bandwidth": 200}""", "bandwidth")]
    [InlineData("""{}""", "bandwidthMbps")]
    [InlineData("""{"bandwidthMbps": 0}""", "bandwidthMbps")]
    [InlineData("""{"bandwidthMbps": -100}""", "bandwidthMbps")]
    [InlineData("""{"bandwidthMbps": 5001}""", "bandwidthMbps")]
    public async Task A_body_that_is_not_a_cap_from_1_to_5000_is_refused_with_400_naming_the_field(string json, string field)
    {
        var active = await ActiveCrossRegionAsync();
        Emulator.ResetCalls();

        using var response = await Api.ChangeBandwidthAsync(active.Id, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal(field, (string?)problem["errors"]![0]!["field"]);
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.Null((await Api.GetAsync(active.Id)).Bandwidth!.LastChange);
    }

    [Fact]
    public async Task An_unknown_peering_is_404_and_one_still_waiting_for_acceptance_is_409()
    {
        using (var unknown = await Api.ChangeBandwidthAsync("peering-vpc-zzzzzzzz-vpc-yyyyyyyy", """{"bandwidthMbps": 200}"""))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("No such peering.", (string?)(await ProblemOf(unknown))["title"]);
        }

        var waiting = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(waiting.Id, PeeringSteps.WaitingForAcceptance);
        using var notActive = await Api.ChangeBandwidthAsync(waiting.Id, """{"bandwidthMbps": 200}""");

        Assert.Equal(HttpStatusCode.Conflict, notActive.StatusCode);
        Assert.Contains(PeeringSteps.WaitingForAcceptance, (string?)(await ProblemOf(notActive))["detail"], StringComparison.Ordinal);
        Assert.Equal(0, Emulator.Calls().ForAction("ModifyVpcPeeringConnection").Total);
    }

    [Fact]
    public async Task A_change_to_the_peering_in_the_console_meanwhile_is_what_the_status_shows_after_the_next_change()
    {
        var active = await ActiveCrossRegionAsync();
        // Someone sets 300 Mbps in alpha's console; our change to 300 then finds it there and writes nothing.
        await Fixture.ConsoleOf(Alpha, Guangzhou).ModifyVpcPeeringConnection(new() { PeeringConnectionId = active.PeeringConnectionId, Bandwidth = 300 });
        Emulator.ResetCalls();

        using (var response = await Api.ChangeBandwidthAsync(active.Id, """{"bandwidthMbps": 300}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var done = await WaitForChangeToEndAsync(active.Id);
        Assert.Equal(BandwidthChangeStatus.Unchanged, done.Bandwidth!.LastChange!.Outcome!.Status);
        Assert.Equal(300, done.Bandwidth.Mbps);
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
    }
}
