using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.Testing.Api;

/// <summary>Adoption over the local host's HTTP API, as the portal uses it: discover, then adopt.</summary>
public sealed class AdoptionDriver(HttpClient http)
{
    /// <summary>GET /api/peerings/discovered, which must answer 200; returns its document.</summary>
    public async Task<JsonObject> DiscoveredAsync()
    {
        using var response = await http.GetAsync("api/peerings/discovered");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/peerings/discovered answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The discovered peering with this pcx, or null when the list does not hold it.</summary>
    public async Task<JsonObject?> DiscoveredAsync(string peeringConnectionId) =>
        (await DiscoveredAsync())["peerings"]!.AsArray().OfType<JsonObject>()
            .SingleOrDefault(p => (string?)p["peeringConnectionId"] == peeringConnectionId);

    /// <summary>POST /api/peerings/adopt with <paramref name="body"/> as it is (a test may send a bad one).</summary>
    public Task<HttpResponseMessage> AdoptAsync(string body) =>
        http.PostAsync("api/peerings/adopt", new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> AdoptAsync(string account, string region, string peeringConnectionId, string? repairPolicy = null) =>
        AdoptAsync(new JsonObject
        {
            ["account"] = account,
            ["region"] = region,
            ["peeringConnectionId"] = peeringConnectionId,
            ["repairPolicy"] = repairPolicy,
        }.ToJsonString());

    /// <summary>Adopts, which must answer 201 with a Location; returns the new record's status document.</summary>
    public async Task<PeeringView> AdoptCreatedAsync(string account, string region, string peeringConnectionId, string? repairPolicy = null)
    {
        using var response = await AdoptAsync(account, region, peeringConnectionId, repairPolicy);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/peerings/adopt answered {(int)response.StatusCode}: {text}");
        var view = PeeringApiDriver.Read<PeeringView>(text);
        Assert.Equal($"/api/peerings/{view.Id}", response.Headers.Location?.OriginalString);
        return view;
    }
}
