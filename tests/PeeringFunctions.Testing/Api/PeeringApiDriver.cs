using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Testing.Hosting;

namespace PeeringFunctions.Testing.Api;

/// <summary>The local host's HTTP API as a portal and an approver use it, plus the polling the tests need.</summary>
/// <param name="http">A client whose base address is the host.</param>
/// <param name="waitOutUnanswered">
/// While waiting, keep polling when GET answers other than 200 (a host process that has just restarted, a
/// persistent backend that has not stored the instance yet). Otherwise such an answer fails the
/// wait at once.
/// </param>
public sealed class PeeringApiDriver(HttpClient http, bool waitOutUnanswered = false)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public HttpClient Http => http;

    public Task<HttpResponseMessage> StartAsync(JsonObject body) =>
        http.PostAsync("api/peerings", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>POST /api/peerings, which must answer 202; returns the status document.</summary>
    public async Task<PeeringView> StartAcceptedAsync(JsonObject body)
    {
        using var response = await StartAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/peerings answered {(int)response.StatusCode}: {text}");
        return Read<PeeringView>(text);
    }

    /// <summary>GET /api/peerings/{id}, which must answer 200.</summary>
    public async Task<PeeringView> GetAsync(string id)
    {
        using var response = await http.GetAsync($"api/peerings/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/peerings/{id} answered {(int)response.StatusCode}: {text}");
        return Read<PeeringView>(text);
    }

    /// <summary>Polls GET /api/peerings/{id} until <paramref name="condition"/> holds; fails with the last document otherwise.</summary>
    public async Task<PeeringView> WaitUntilAsync(string id, Func<PeeringView, bool> condition, string description, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        PeeringView? last = null;
        while (true)
        {
            var view = waitOutUnanswered ? await TryGetAsync(id) : await GetAsync(id);
            last = view ?? last;
            if (view is not null && condition(view))
            {
                return view;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{id} did not reach '{description}' within {limit.TotalSeconds} s; last status: {(last is null ? "none" : JsonSerializer.Serialize(last, ApiJson.Options))}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public Task<PeeringView> WaitForStepAsync(string id, string step, TimeSpan? timeout = null) =>
        WaitUntilAsync(id, v => v.RuntimeStatus == "Running" && v.Step == step, $"step {step}", timeout);

    /// <summary>Until the orchestration has ended (Completed, Failed or Terminated).</summary>
    public Task<PeeringView> WaitForEndAsync(string id, TimeSpan? timeout = null) =>
        WaitUntilAsync(id, v => v.RuntimeStatus is not ("Running" or "Pending"), "the end", timeout);

    /// <summary>POST /api/peerings/{id}/accept or /reject, with an approver key as a bearer token when given.</summary>
    public Task<HttpResponseMessage> DecideAsync(string id, bool accept, string? approverKey, string? idempotencyKey = null) =>
        DecideWithAuthorizationAsync(id, accept, approverKey is null ? null : new AuthenticationHeaderValue("Bearer", approverKey).ToString(), idempotencyKey);

    /// <summary>POST /api/peerings/{id}/accept or /reject with a raw Authorization header value (any scheme, or none).</summary>
    public Task<HttpResponseMessage> DecideWithAuthorizationAsync(string id, bool accept, string? authorization, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/peerings/{id}/{(accept ? "accept" : "reject")}");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request);
    }

    /// <summary>Accept or reject as the receiver's approver; must answer 202.</summary>
    public async Task DecideAcceptedAsync(string id, bool accept, string approverKey)
    {
        using var response = await DecideAsync(id, accept, approverKey);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted,
            $"{(accept ? "accept" : "reject")} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// A decision by the receiver's approver that must be the one the peering acts on (the "sentinel" after refused
    /// requests): answered 202, the peering ends, and the decision it took is this one (the API files it as
    /// "http:" + its Idempotency-Key). Returns the end.
    /// </summary>
    public async Task<PeeringView> DecideAndSeeItTakenAsync(LocalHostFixture host, string id, bool accept, string approverKey, TimeSpan? timeout = null)
    {
        var key = $"sentinel-{Guid.NewGuid():N}";
        using (var response = await DecideAsync(id, accept, approverKey, key))
        {
            Assert.True(response.StatusCode == HttpStatusCode.Accepted,
                $"{(accept ? "accept" : "reject")} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var end = await WaitForEndAsync(id, timeout);
        Assert.Equal($"{Workflow.Contracts.DecisionSources.Http}:{key}", (await host.DecisionTakenAsync(id))?.DecisionId);
        return end;
    }

    public Task<HttpResponseMessage> TeardownAsync(string id) => http.DeleteAsync($"api/peerings/{id}");

    /// <summary>POST /api/peerings/{id}/teardown, with an approver key as a bearer token when given.</summary>
    public Task<HttpResponseMessage> TeardownAsApproverAsync(string id, string? approverKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/peerings/{id}/teardown");
        if (approverKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", approverKey);
        }

        return http.SendAsync(request);
    }

    /// <summary>GET /api/peerings[?state=…], which must answer 200; returns the listed peerings.</summary>
    public async Task<IReadOnlyList<PeeringView>> ListAsync(string? state = null)
    {
        using var response = await http.GetAsync(state is null ? "api/peerings" : $"api/peerings?state={Uri.EscapeDataString(state)}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/peerings answered {(int)response.StatusCode}: {text}");
        return Read<PeeringList>(text).Peerings;
    }

    private sealed record PeeringList(int Count, IReadOnlyList<PeeringView> Peerings);

    /// <summary>GET /api/peerings/{id}/audit, which must answer 200 for this id; the entries, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntryView>> AuditAsync(string id)
    {
        using var response = await http.GetAsync($"api/peerings/{id}/audit");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET audit answered {(int)response.StatusCode}: {text}");
        var trail = Read<AuditTrailView>(text);
        Assert.Equal(id, trail.Id);
        return trail.Entries;
    }

    private sealed record AuditTrailView(string Id, int Count, IReadOnlyList<AuditEntryView> Entries);

    /// <summary>PATCH /api/peerings/{id} with <paramref name="json"/> as it is (a test may send a bad body).</summary>
    public Task<HttpResponseMessage> ChangeBandwidthAsync(string id, string json) =>
        http.PatchAsync($"api/peerings/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, ApiJson.Options) ?? throw new InvalidOperationException($"Empty JSON where a {typeof(T).Name} was expected.");

    /// <summary>GET /api/peerings/{id}; null while the host does not answer it with 200.</summary>
    private async Task<PeeringView?> TryGetAsync(string id)
    {
        using var response = await http.GetAsync($"api/peerings/{id}");
        return response.StatusCode == HttpStatusCode.OK ? Read<PeeringView>(await response.Content.ReadAsStringAsync()) : null;
    }
}
