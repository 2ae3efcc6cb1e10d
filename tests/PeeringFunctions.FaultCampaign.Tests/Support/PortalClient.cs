using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Requests;

namespace PeeringFunctions.Reliability.Support;

/// <summary>The local host's HTTP API as a portal and an approver use it.</summary>
internal sealed class PortalClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> StartAsync(JsonObject body) =>
        http.PostAsync("api/peerings", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>POST /api/peerings, which must answer 202; returns the instance id.</summary>
    public async Task<string> StartAcceptedAsync(JsonObject body)
    {
        using var response = await StartAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/peerings answered {(int)response.StatusCode}: {text}");
        return Read<PeeringView>(text).Id;
    }

    /// <summary>GET /api/peerings/{id}; null while the host does not answer (e.g. it is restarting).</summary>
    public async Task<PeeringView?> GetAsync(string id)
    {
        using var response = await http.GetAsync($"api/peerings/{id}");
        return response.StatusCode == HttpStatusCode.OK ? Read<PeeringView>(await response.Content.ReadAsStringAsync()) : null;
    }

    public async Task<PeeringView> WaitUntilAsync(string id, Func<PeeringView, bool> condition, string description, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        PeeringView? last = null;
        while (clock.Elapsed < timeout)
        {
            last = await GetAsync(id);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{id} did not reach '{description}' within {timeout.TotalSeconds} s; last: {(last is null ? "none" : JsonSerializer.Serialize(last, ApiJson.Options))}");
        return null!;
    }

    public Task<PeeringView> WaitForStepAsync(string id, string step, TimeSpan timeout) =>
        WaitUntilAsync(id, v => v.RuntimeStatus == "Running" && v.Step == step, $"step {step}", timeout);

    public Task<PeeringView> WaitForEndAsync(string id, TimeSpan timeout) =>
        WaitUntilAsync(id, v => v.RuntimeStatus is not ("Running" or "Pending"), "the end", timeout);

    /// <summary>POST /api/peerings/{id}/accept or /reject with an optional raw Authorization header value.</summary>
    public Task<HttpResponseMessage> DecideAsync(string id, bool accept, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/peerings/{id}/{(accept ? "accept" : "reject")}");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return http.SendAsync(request);
    }

    public async Task DecideAcceptedAsync(string id, bool accept, string approverKey)
    {
        using var response = await DecideAsync(id, accept, new AuthenticationHeaderValue("Bearer", approverKey).ToString());
        Assert.True(response.StatusCode == HttpStatusCode.Accepted,
            $"{(accept ? "accept" : "reject")} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, ApiJson.Options) ?? throw new InvalidOperationException($"Empty JSON where a {typeof(T).Name} was expected.");
}

/// <summary>Request bodies for POST /api/peerings.</summary>
internal static class PeeringBodies
{
    public static JsonObject Side(string account, string region, string vpcId, string? routeTableId = null, params string[] subnetIds)
    {
        var side = new JsonObject { ["account"] = account, ["region"] = region, ["vpcId"] = vpcId };
        if (routeTableId is not null)
        {
            side["routeTableId"] = routeTableId;
        }

        if (subnetIds.Length > 0)
        {
            side["subnetIds"] = new JsonArray([.. subnetIds.Select(s => (JsonNode?)JsonValue.Create(s))]);
        }

        return side;
    }

    public static JsonObject Peering(string name, JsonObject initiator, JsonObject receiver, bool crossRegion)
    {
        var body = new JsonObject { ["name"] = name, ["initiator"] = initiator, ["receiver"] = receiver };
        if (crossRegion)
        {
            body["bandwidthMbps"] = 20;
            body["chargeType"] = "POSTPAID_BY_DAY_MAX";
        }

        return body;
    }

    /// <summary>alpha ap-guangzhou (rtb-alphapcx, subnet-alphaweb) → beta ap-shanghai (rtb-betapcx1, subnet-betaapp1): the demo seed's cross-account, cross-region pair.</summary>
    public static JsonObject DemoCrossRegion(string name = "reliability demo") => Peering(
        name,
        Side("alpha", "ap-guangzhou", Demo.AlphaVpc, Demo.AlphaPeeringTable, Demo.AlphaWebSubnet),
        Side("beta", "ap-shanghai", Demo.BetaVpc, Demo.BetaPeeringTable, Demo.BetaAppSubnet),
        crossRegion: true);
}

/// <summary>Identifiers of the emulator's demo seed (docs/demo-ids.md).</summary>
internal static class Demo
{
    public const string AlphaVpc = "vpc-alpha001";
    public const string AlphaCidr = "10.10.0.0/16";
    public const string AlphaMainTable = "rtb-alphamai";
    public const string AlphaPeeringTable = "rtb-alphapcx";
    public const string AlphaWebSubnet = "subnet-alphaweb";
    public const string BetaVpc = "vpc-beta0001";
    public const string BetaCidr = "172.16.0.0/16";
    public const string BetaPeeringTable = "rtb-betapcx1";
    public const string BetaAppSubnet = "subnet-betaapp1";
    public const string BetaGzVpc = "vpc-betagz01";
    public const string BetaGzMainTable = "rtb-betagzmn";
    public const string BetaGzSubnet = "subnet-betagz01";
    public const string BetaOverlapVpc = "vpc-betaover";
}
