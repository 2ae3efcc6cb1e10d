using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// A peering made outside the app, as a person would in the Tencent console (create, accept with the receiver's own
/// key, routes on both sides, a subnet moved onto the routed table), is discovered, adopted as it is and from then on
/// managed like one of ours: shown, refused a second time, torn down.
/// </summary>
public sealed class AdoptionTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    private static readonly string PairId = ConsolePeering.PairId;

    private AdoptionDriver Adoption => new(Fixture.Http);

    private IPeeringRegistry Registry => Fixture.Host.Services.GetRequiredService<IPeeringRegistry>();

    [Fact]
    public async Task A_peering_made_in_the_console_is_discovered_once_with_each_sides_routes_and_subnets_and_discovery_writes_nothing()
    {
        var pcx = await PeerInTheConsoleAsync();
        Emulator.ResetCalls();

        var document = await Adoption.DiscoveredAsync();

        var found = Assert.Single(document["peerings"]!.AsArray().OfType<JsonObject>(), p => (string?)p["peeringConnectionId"] == pcx);
        Assert.Equal(PairId, (string?)found["id"]);
        Assert.Equal((Alpha, AlphaVpc, true), ((string?)found["initiator"]!["account"], (string?)found["initiator"]!["vpcId"], (bool)found["initiator"]!["managed"]!));
        var alphaTable = Assert.Single(found["initiator"]!["routeTables"]!.AsArray());
        Assert.Equal(AlphaPeeringTable, (string?)alphaTable!["routeTableId"]);
        Assert.Equal([BetaGzCidr], Strings(alphaTable["destinations"]));
        Assert.Equal([AlphaWebSubnet], Strings(alphaTable["subnetIds"]));
        var betaTable = Assert.Single(found["receiver"]!["routeTables"]!.AsArray());
        Assert.Equal((BetaGzMainTable, Beta), ((string?)betaTable!["routeTableId"], (string?)found["receiver"]!["account"]));
        Assert.Equal([AlphaCidr], Strings(betaTable["destinations"]));
        Assert.Equal((Alpha, Guangzhou), ((string?)found["adopt"]!["account"], (string?)found["adopt"]!["region"]));
        Assert.Empty(document["problems"]!.AsArray());
        // Reads only: one listing per (account, region) of the 2 accounts in the 7 default regions, and route tables
        // only where a discovered peering has a side (alpha and beta in Guangzhou).
        var calls = Emulator.Calls();
        Assert.Equal(0, calls.Totals.Writes);
        Assert.Equal((14L, 2L), (calls.ForAction("DescribeVpcPeeringConnections").Total, calls.ForAction("DescribeRouteTables").Total));
    }

    [Fact]
    public async Task Adopting_it_answers_201_records_what_was_there_shows_it_active_and_adopted_and_writes_nothing_to_tencent()
    {
        var pcx = await PeerInTheConsoleAsync();
        var before = Emulator.Snapshot();
        Emulator.ResetCalls();

        var adopted = await Adoption.AdoptCreatedAsync(Beta, Guangzhou, pcx, "notify");

        Assert.Equal((PairId, "Active", PeeringOrigins.Adopted, pcx), (adopted.Id, adopted.State, adopted.Origin, adopted.PeeringConnectionId));
        var shown = await Api.GetAsync(PairId);
        Assert.Equal(("Active", PeeringOrigins.Adopted, RepairPolicies.Notify), (shown.State, shown.Origin, shown.RepairPolicy));
        Assert.Equal((AlphaVpc, AlphaPeeringTable, BetaGzVpc, BetaGzMainTable),
            (shown.Initiator.VpcId, shown.Initiator.RouteTableId, shown.Receiver.VpcId, shown.Receiver.RouteTableId));

        var record = (await Registry.GetAsync(PairId))!;
        Assert.Equal((RegistryStates.Active, PeeringOrigins.Adopted, HealthStatuses.Unchecked), (record.State, record.Origin, record.Health!.Status));
        Assert.Equal([BetaGzCidr], record.Initiator.Destinations);
        Assert.Equal([AlphaCidr], record.Receiver.Destinations);
        Assert.Empty(record.Initiator.CreatedRouteItemIds.Concat(record.Receiver.CreatedRouteItemIds));
        Assert.Empty(record.Initiator.AssociationChanges.Concat(record.Receiver.AssociationChanges));
        Assert.Equal([AlphaWebSubnet], record.Initiator.KeptSubnetIds);
        Assert.Equal([BetaGzSubnet], record.Receiver.KeptSubnetIds);

        Assert.Null(await Adoption.DiscoveredAsync(pcx));
        using var again = await Adoption.AdoptAsync(Alpha, Guangzhou, pcx);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(PairId, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.Equal(before.PeeringRoutes(), Emulator.Snapshot().PeeringRoutes());
    }

    [Fact]
    public async Task The_portal_lists_a_console_made_peering_as_made_elsewhere_and_its_adopt_form_records_it_and_goes_to_its_status_page()
    {
        var pcx = await PeerInTheConsoleAsync();
        Emulator.ResetCalls();

        var page = await Fixture.Http.GetStringAsync("/api/portal/discovered");
        using var crossSite = await PostAdoptFormAsync(pcx, "https://evil.example");
        Assert.Null(await Registry.GetAsync(PairId));
        using var adopted = await PostAdoptFormAsync(pcx, origin: null);

        Assert.Contains($"<tr id=\"{pcx}\">", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"peeringConnectionId\" value=\"{pcx}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, adopted.StatusCode);
        Assert.Equal($"/api/portal/peerings/{PairId}", adopted.Headers.Location!.OriginalString);
        var record = (await Registry.GetAsync(PairId))!;
        Assert.Equal((PeeringOrigins.Adopted, RepairPolicies.Notify, pcx), (record.Origin, record.RepairPolicy, record.PeeringConnectionId));
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
        Assert.DoesNotContain($"<tr id=\"{pcx}\">", await Fixture.Http.GetStringAsync("/api/portal/discovered"), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAdoptFormAsync(string pcx, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/discovered")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["account"] = Alpha, ["region"] = Guangzhou, ["peeringConnectionId"] = pcx, ["repairPolicy"] = RepairPolicies.Notify,
            }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Fixture.Http.BaseAddress };
        foreach (var header in Fixture.Http.DefaultRequestHeaders)
        {
            noRedirects.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        }

        return await noRedirects.SendAsync(request);
    }

    [Fact]
    public async Task An_adopted_peering_torn_down_has_its_routes_removed_on_both_sides_and_is_deleted_leaving_the_subnets_where_they_were()
    {
        var pcx = await PeerInTheConsoleAsync();
        await Adoption.AdoptCreatedAsync(Alpha, Guangzhou, pcx);
        Emulator.ResetCalls();

        using var response = await Api.TeardownAsync(PairId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var done = await Api.WaitUntilAsync(PairId, v => v.State == LifecycleStates.TornDown, "torn down");

        Assert.Empty(done.Teardown!.Outcome!.Problems);
        var state = Emulator.Snapshot();
        Assert.Empty(state.RoutesVia(AlphaPeeringTable, pcx));
        Assert.Empty(state.RoutesVia(BetaGzMainTable, pcx));
        Assert.Equal("DELETED", state.Peering(pcx)!.State);
        // Our teardown removed each side's routes itself (not only Tencent's delete), and moved no subnet it had not moved.
        var calls = Emulator.Calls().ByAccountAndAction;
        Assert.True(calls[Alpha].ContainsKey("DeleteRoutes") && calls[Beta].ContainsKey("DeleteRoutes"), "the teardown did not delete the routes on both sides");
        AssertOnTable(state, AlphaWebSubnet, AlphaPeeringTable);
        Assert.Equal(RegistryStates.TornDown, (await Registry.GetAsync(PairId))!.State);
    }

    [Fact]
    public async Task A_new_request_for_an_adopted_pair_is_refused_like_one_for_a_pair_we_peered()
    {
        var pcx = await PeerInTheConsoleAsync();
        await Adoption.AdoptCreatedAsync(Alpha, Guangzhou, pcx);

        using var response = await Api.StartAsync(PeeringRequests.SameRegion());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"already peered by {PairId} ({pcx}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await Client.GetInstanceAsync(PairId));
        Assert.Single(Emulator.Snapshot().PeeringsBetween(AlphaVpc, BetaGzVpc));
    }

    [Fact]
    public async Task An_adoption_after_an_earlier_peering_of_ours_was_torn_down_is_what_the_pair_shows_and_tears_down()
    {
        // Our own peering of the pair, requested, accepted and torn down: its Durable instance stays.
        var started = await Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        await Api.WaitForEndAsync(started.Id);
        using (var teardown = await Api.TeardownAsync(started.Id))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await Api.WaitUntilAsync(started.Id, v => v.State == LifecycleStates.TornDown, "torn down");

        var pcx = await PeerInTheConsoleAsync();
        await Adoption.AdoptCreatedAsync(Alpha, Guangzhou, pcx);

        var shown = await Api.GetAsync(PairId);
        Assert.Equal((pcx, "Active", PeeringOrigins.Adopted), (shown.PeeringConnectionId, shown.State, shown.Origin));
        Assert.Null(shown.Teardown);
        using var response = await Api.TeardownAsync(PairId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Api.WaitUntilAsync(PairId, v => v.State == LifecycleStates.TornDown && v.PeeringConnectionId == pcx, "the adopted peering torn down");
        Assert.Equal("DELETED", Emulator.Snapshot().Peering(pcx)!.State);
    }

    [Fact]
    public async Task A_peering_of_two_VPCs_of_one_of_our_accounts_is_listed_once_and_adopted_with_both_sides_managed()
    {
        var own = await Fixture.ConsoleOf(Beta, Shanghai).CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = BetaVpc,
            PeeringConnectionName = "beta-own",
            DestinationVpcId = BetaGzVpc,
            DestinationUin = BetaUin,
            DestinationRegion = Guangzhou,
            Bandwidth = 10,
        });
        var pcx = own.PeeringConnectionId!;
        await ActiveAsync(Beta, Shanghai, pcx);

        var found = await Adoption.DiscoveredAsync(pcx);
        Assert.NotNull(found);
        Assert.Equal((Beta, Beta), ((string?)found["initiator"]!["account"], (string?)found["receiver"]!["account"]));
        Assert.Empty(found["initiator"]!["routeTables"]!.AsArray());

        var adopted = await Adoption.AdoptCreatedAsync(Beta, Guangzhou, pcx);
        var record = (await Registry.GetAsync(adopted.Id))!;
        Assert.True(record.Initiator.IsManaged && record.Receiver.IsManaged, "both sides are beta's");
        Assert.Equal((Shanghai, (string?)null), (record.Initiator.Region, record.Initiator.RouteTableId));
    }

    [Fact]
    public async Task A_peering_connection_our_account_cannot_see_is_404_and_an_account_that_is_not_ours_is_403_each_recording_nothing()
    {
        // beta's own peering: alpha is not a side of it, so Tencent does not show it to alpha.
        var own = await Fixture.ConsoleOf(Beta, Guangzhou).CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = BetaGzVpc,
            PeeringConnectionName = "beta-own",
            DestinationVpcId = BetaVpc,
            DestinationUin = BetaUin,
            DestinationRegion = Shanghai,
            Bandwidth = 10,
        });
        Emulator.ResetCalls();

        using var unseen = await Adoption.AdoptAsync(Alpha, Guangzhou, own.PeeringConnectionId!);
        using var unknown = await Adoption.AdoptAsync(Alpha, Guangzhou, "pcx-zzzzzzzz");
        using var notOurs = await Adoption.AdoptAsync("gamma", Guangzhou, own.PeeringConnectionId!);

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden),
            (unseen.StatusCode, unknown.StatusCode, notOurs.StatusCode));
        Assert.Equal("application/problem+json", notOurs.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'gamma' is not an account configured here", (string?)JsonNode.Parse(await notOurs.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
        Assert.Equal(0, await RecordCountAsync());
        Assert.Equal((0, 2), (Emulator.Calls().Totals.Writes, Emulator.Calls().Totals.Total));
    }

    [Fact]
    public async Task A_body_breaking_rules_is_400_naming_each_field_and_nothing_is_read_or_recorded()
    {
        Emulator.ResetCalls();

        using var response = await Adoption.AdoptAsync("""{"region":"mars-1","peeringConnectionId":"vpc-12345678","repairPolicy":"sometimes"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();
        Assert.Equal(["account", "region", "peeringConnectionId", "repairPolicy"], fields);
        Assert.Equal(0, Emulator.Calls().Totals.Total);
        Assert.Equal(0, await RecordCountAsync());
    }

    [Fact]
    public async Task A_side_routing_through_the_peering_from_two_tables_is_refused_with_422_naming_them()
    {
        var pcx = await PeerInTheConsoleAsync();
        await RouteAsync(Alpha, AlphaMainTable, pcx, "192.168.8.0/24");

        using var response = await Adoption.AdoptAsync(Alpha, Guangzhou, pcx);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains($"from 2 route tables ({AlphaMainTable}, {AlphaPeeringTable})", detail, StringComparison.Ordinal);
        Assert.Null(await Registry.GetAsync(PairId));
    }

    [Fact]
    public async Task A_pending_peering_is_not_discovered_and_adopting_it_is_409()
    {
        var pending = await Fixture.ConsoleOf(Alpha, Guangzhou).CreateVpcPeeringConnection(new CreateVpcPeeringConnectionRequest
        {
            SourceVpcId = AlphaVpc,
            PeeringConnectionName = "console-made",
            DestinationVpcId = BetaGzVpc,
            DestinationUin = BetaUin,
            DestinationRegion = Guangzhou,
        });

        Assert.Null(await Adoption.DiscoveredAsync(pending.PeeringConnectionId!));
        using var response = await Adoption.AdoptAsync(Alpha, Guangzhou, pending.PeeringConnectionId!);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is PENDING in Tencent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<string> PeerInTheConsoleAsync() => ConsolePeering.PeerAsync(Fixture);

    private Task ActiveAsync(string account, string region, string pcx) => ConsolePeering.ActiveAsync(Fixture, account, region, pcx);

    private Task RouteAsync(string account, string routeTableId, string pcx, string destination) =>
        ConsolePeering.RouteAsync(Fixture, account, routeTableId, pcx, destination);

    private async Task<int> RecordCountAsync()
    {
        var count = 0;
        await foreach (var _ in Registry.ListAsync())
        {
            count++;
        }

        return count;
    }

    private static List<string?> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string?)n)];
}
