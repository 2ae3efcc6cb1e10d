using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Peerings.Topologies;

namespace PeeringFunctions.Testing.Api;

/// <summary>The topology routes as a portal and the receiving accounts' approvers use them, plus the polling the tests need.</summary>
public sealed class TopologyApiDriver(HttpClient http)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public Task<HttpResponseMessage> StartAsync(JsonObject body, bool dryRun = false) =>
        http.PostAsync(dryRun ? "api/topologies?dryRun=true" : "api/topologies", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>POST /api/topologies, which must answer <paramref name="expected"/>; returns the body's text.</summary>
    public async Task<string> StartExpectingAsync(JsonObject body, HttpStatusCode expected, bool dryRun = false)
    {
        using var response = await StartAsync(body, dryRun);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST /api/topologies answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return text;
    }

    /// <summary>POST /api/topologies, which must answer 202; returns the plan it started with.</summary>
    public async Task<TopologyPlanView> StartAcceptedAsync(JsonObject body) =>
        PeeringApiDriver.Read<TopologyPlanView>(await StartExpectingAsync(body, HttpStatusCode.Accepted));

    /// <summary>GET /api/topologies, which must answer 200.</summary>
    public async Task<IReadOnlyList<TopologySummary>> ListAsync()
    {
        using var response = await http.GetAsync("api/topologies");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/topologies answered {(int)response.StatusCode}: {text}");
        return PeeringApiDriver.Read<List<TopologySummary>>(text);
    }

    public async Task<TopologyView> GetAsync(string id)
    {
        using var response = await http.GetAsync($"api/topologies/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/topologies/{id} answered {(int)response.StatusCode}: {text}");
        return PeeringApiDriver.Read<TopologyView>(text);
    }

    public async Task<TopologyView> WaitUntilAsync(string id, Func<TopologyView, bool> condition, string description, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var view = await GetAsync(id);
            if (condition(view))
            {
                return view;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{id} did not reach '{description}' within {limit.TotalSeconds} s; last status: {JsonSerializer.Serialize(view, ApiJson.Options)}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public Task<TopologyView> WaitForConsentAsync(string id) =>
        WaitUntilAsync(id, v => v.State == Workflow.Contracts.TopologySteps.WaitingForConsent, "waiting for consent");

    public Task<TopologyView> WaitForEndAsync(string id, TimeSpan? timeout = null) =>
        WaitUntilAsync(id, v => v.RuntimeStatus is not ("Running" or "Pending"), "the end", timeout);

    /// <summary>POST /api/topologies/{id}/accept or /reject with an approver key as a bearer token (none when null).</summary>
    public Task<HttpResponseMessage> DecideAsync(string id, bool accept, string? approverKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/topologies/{id}/{(accept ? "accept" : "reject")}");
        if (approverKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", approverKey);
        }

        return http.SendAsync(request);
    }

    /// <summary>A receiving account's decision, which must answer 202 and be the one the topology took.</summary>
    public async Task DecideAcceptedAsync(string id, bool accept, string approverKey)
    {
        using var response = await DecideAsync(id, accept, approverKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(accept ? "accept" : "reject")} of {id} answered {(int)response.StatusCode}: {text}");
        Assert.True(JsonNode.Parse(text)!["confirmed"]!.GetValue<bool>(), $"the topology had not taken the decision: {text}");
    }

    public Task<HttpResponseMessage> TeardownAsync(string id) => http.DeleteAsync($"api/topologies/{id}");

    /// <summary>POST /api/topologies/{id}/members, which must answer <paramref name="expected"/>; returns the body's text.</summary>
    public async Task<string> AddMemberExpectingAsync(string id, JsonObject member, HttpStatusCode expected)
    {
        using var response = await http.PostAsync($"api/topologies/{id}/members", new StringContent(member.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST /api/topologies/{id}/members answered {(int)response.StatusCode}, not {(int)expected}: {text}");
        return text;
    }
}
