using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Web;

namespace PeeringFunctions.Security.Tests;

/// <summary>
/// DNS rebinding: a page on another site whose name now resolves to 127.0.0.1 reaches the local host with its own name
/// in the Host header. Started as documented (no portal key), the host serves only loopback names unless told more.
/// </summary>
public sealed class HostHeaderTests(PollerOffHostFixture fixture) : IClassFixture<PollerOffHostFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_peering_request_naming_another_host_is_refused_with_400_problem_json_and_starts_nothing()
    {
        using var response = await StartPeeringAsync(fixture.Http, "attacker.example:7071");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemBody>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.Contains("AllowedHosts", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await InstancesAsync(fixture.Client));
        Assert.Equal(0, fixture.Emulator.Calls().Totals.Total);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:7071")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]:7071")]
    public async Task Loopback_host_names_are_served_with_any_port(string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");
        request.Headers.Host = hostHeader;

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<HttpResponseMessage> StartPeeringAsync(HttpClient http, string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/peerings")
        {
            Content = new StringContent(PeeringRequests.CrossRegion("rebinding").ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Host = hostHeader;
        return await http.SendAsync(request);
    }

    internal static async Task<List<OrchestrationMetadata>> InstancesAsync(DurableTaskClient client)
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            instances.Add(instance);
        }

        return instances;
    }
}

/// <summary>AllowedHosts widens the list (e.g. a name the host is reached by on a trusted network); others stay refused.</summary>
public sealed class WidenedHostsTests(WidenedHostsTests.NamedHost fixture) : IClassFixture<WidenedHostsTests.NamedHost>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_host_name_added_in_AllowedHosts_is_served_and_any_other_is_still_refused()
    {
        using var named = new HttpRequestMessage(HttpMethod.Get, "api/health");
        named.Headers.Host = "peering.internal.example:7071";
        using var served = await fixture.Http.SendAsync(named);
        using var refused = await HostHeaderTests.StartPeeringAsync(fixture.Http, "attacker.example:7071");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(await HostHeaderTests.InstancesAsync(fixture.Client));
        Assert.Equal(0, fixture.Emulator.Calls().Totals.Writes);
    }

    public sealed class NamedHost : PollerOffHostFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            [.. base.Settings(), new("AllowedHosts", "localhost;127.0.0.1;[::1];peering.internal.example")];
    }
}
