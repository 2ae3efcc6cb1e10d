using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>The HTTP API as the local host serves it: status codes, headers and bodies a portal relies on.</summary>
public sealed class HttpApiTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task Start_answers_202_with_a_location_and_a_status_document_free_of_management_urls_and_keys()
    {
        using var response = await Api.StartAsync(PeeringRequests.SameRegion());
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var id = PeeringApiDriver.Read<PeeringView>(text).Id;
        Assert.Equal($"peering-{AlphaVpc}-{BetaGzVpc}", id);
        Assert.Equal($"/api/peerings/{id}", response.Headers.Location?.OriginalString);
        AssertSanitized(text);

        // The running document too, once it offers the receiver its links.
        var waiting = await Api.WaitForStepAsync(id, PeeringSteps.WaitingForAcceptance);
        Assert.Equal($"/api/peerings/{id}/accept", waiting.Links["accept"]);
        AssertSanitized(await Api.Http.GetStringAsync($"api/peerings/{id}"));
        AssertSanitized(await Api.Http.GetStringAsync("api/peerings"));
    }

    [Fact]
    public async Task List_filters_peerings_by_state()
    {
        var waiting = await Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        var active = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        var refused = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion().With(b => b["receiver"] = PeeringRequests.Side(Beta, Shanghai, BetaOverlapVpc)));
        await Api.WaitForStepAsync(waiting.Id, PeeringSteps.WaitingForAcceptance);
        await Api.WaitForEndAsync(active.Id);
        await Api.WaitForEndAsync(refused.Id);

        Assert.Equal([waiting.Id], await ListIdsAsync("?state=WaitingForAcceptance"));
        Assert.Equal([active.Id], await ListIdsAsync("?state=Active"));
        Assert.Equal([refused.Id], await ListIdsAsync("?state=preflightfailed"));
        Assert.Empty(await ListIdsAsync("?state=Rejected"));
        Assert.Equal(new[] { waiting.Id, active.Id, refused.Id }.Order(), (await ListIdsAsync("")).Order());
    }

    [Theory]
    [InlineData("malformed JSON", HttpStatusCode.BadRequest, "$")]
    [InlineData("text/plain body", HttpStatusCode.UnsupportedMediaType, "Content-Type")]
    [InlineData("invalid vpc id", HttpStatusCode.BadRequest, "receiver.vpcId")]
    [InlineData("overlapping destination CIDRs", HttpStatusCode.BadRequest, "initiator.destinationCidrs[1]")]
    [InlineData("deadline beyond 7 days", HttpStatusCode.BadRequest, "acceptanceTimeout")]
    [InlineData("deadline under a minute", HttpStatusCode.BadRequest, "acceptanceTimeout")]
    [InlineData("unknown account", HttpStatusCode.BadRequest, "receiver.account")]
    [InlineData("same VPC on both sides", HttpStatusCode.BadRequest, "receiver.vpcId")]
    [InlineData("external receiver without initiator CIDRs", HttpStatusCode.BadRequest, "initiator.destinationCidrs")]
    public async Task Bad_request_is_refused_with_problem_json_naming_the_field_and_starts_nothing(string problem, HttpStatusCode status, string field)
    {
        using var content = BadRequestBody(problem);
        using var response = await Api.Http.PostAsync("api/peerings", content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (int?)body["status"]);
        Assert.Contains(field, body["errors"]!.AsArray().Select(e => (string?)e!["field"]));

        Assert.Empty(await AllInstancesAsync());
        Assert.Equal(0, Emulator.Calls().Totals.Total);
    }

    [Fact]
    public async Task Accept_without_an_approver_key_is_401_and_with_the_initiators_key_is_403()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var pcx = (await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance)).PeeringConnectionId!;

        using (var anonymous = await Api.DecideAsync(started.Id, accept: true, approverKey: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(ProblemJson, anonymous.Content.Headers.ContentType?.MediaType);
        }

        using (var initiator = await Api.DecideAsync(started.Id, accept: true, ApproverKey(Alpha)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, initiator.StatusCode);
        }

        using (var initiatorRejects = await Api.DecideAsync(started.Id, accept: false, ApproverKey(Alpha)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, initiatorRejects.StatusCode);
        }

        // Nothing was decided: still waiting, still PENDING, and beta was never asked to do anything.
        Assert.Equal(PeeringSteps.WaitingForAcceptance, (await Api.GetAsync(started.Id)).State);
        Assert.Equal("PENDING", Emulator.Snapshot().Peering(pcx)?.State);
        Assert.Equal(0, Emulator.Calls().ForAccount(Beta).Writes);
    }

    [Theory]
    [InlineData("GET", "api/peerings/peering-vpc-zzzzzzzz-vpc-yyyyyyyy")]
    [InlineData("GET", "api/peerings/not-a-peering")]
    [InlineData("DELETE", "api/peerings/peering-vpc-zzzzzzzz-vpc-yyyyyyyy")]
    [InlineData("POST", "api/peerings/peering-vpc-zzzzzzzz-vpc-yyyyyyyy/accept")]
    [InlineData("POST", "api/peerings/peering-vpc-zzzzzzzz-vpc-yyyyyyyy/reject")]
    public async Task Unknown_peering_id_is_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new("Bearer", ApproverKey(Beta));
        using var response = await Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, Emulator.Calls().Totals.Total);
    }

    [Fact]
    public async Task Health_reports_the_engine_and_the_embedded_emulator_with_account_uins_but_no_secrets()
    {
        using var response = await Api.Http.GetAsync("api/health");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("embedded emulator", (string?)body["tencent"]);
        Assert.Equal("in-process (in-memory)", (string?)body["durable"]);
        Assert.Equal("in memory (records end with the process)", (string?)body["registry"]);
        Assert.Equal(new[] { (Alpha, AlphaUin), (Beta, BetaUin) }, body["accounts"]!.AsArray().Select(a => ((string)a!["alias"]!, (string)a!["uin"]!)));
        Assert.DoesNotContain(BetaSecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AlphaSecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("approver-demo-key", text, StringComparison.Ordinal);
    }

    private static StringContent BadRequestBody(string problem)
    {
        JsonObject Bent(Action<JsonObject> change) => PeeringRequests.CrossRegion().With(change);
        var json = problem switch
        {
            "malformed JSON" => "{\"name\": \"broken\", ",
            "text/plain body" => PeeringRequests.CrossRegion().ToJsonString(),
            "invalid vpc id" => Bent(b => b["receiver"]!["vpcId"] = "vpc-NOT_OK").ToJsonString(),
            "overlapping destination CIDRs" => Bent(b => b["initiator"]!["destinationCidrs"] = new JsonArray("172.16.0.0/16", "172.16.1.0/24")).ToJsonString(),
            "deadline beyond 7 days" => Bent(b => b["acceptanceTimeout"] = "P8D").ToJsonString(),
            "deadline under a minute" => Bent(b => b["acceptanceTimeout"] = "PT30S").ToJsonString(),
            "unknown account" => Bent(b => b["receiver"]!["account"] = "gamma").ToJsonString(),
            "same VPC on both sides" => Bent(b => b["receiver"] = PeeringRequests.Side(Alpha, Guangzhou, AlphaVpc)).ToJsonString(),
            "external receiver without initiator CIDRs" => PeeringRequests.ExternalReceiver().With(b => b["initiator"]!.AsObject().Remove("destinationCidrs")).ToJsonString(),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
        return new StringContent(json, Encoding.UTF8, problem == "text/plain body" ? "text/plain" : "application/json");
    }

    private static void AssertSanitized(string body)
    {
        Assert.DoesNotContain("runtime/webhooks", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("code=", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SecretKey", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("approver-demo-key", body, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> ListIdsAsync(string query)
    {
        var body = JsonNode.Parse(await Api.Http.GetStringAsync("api/peerings" + query))!;
        Assert.Equal(body["peerings"]!.AsArray().Count, (int?)body["count"]);
        return [.. body["peerings"]!.AsArray().Select(p => (string)p!["id"]!)];
    }

    private async Task<IReadOnlyList<OrchestrationMetadata>> AllInstancesAsync()
    {
        var all = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            all.Add(instance);
        }

        return all;
    }
}
