using System.Net;
using System.Text;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>With Portal:FunctionKey configured, portal routes want it like Azure's function keys; consent never does.</summary>
public sealed class FunctionKeyTests(FunctionKeyHostFixture fixture) : IntegrationTest(fixture), IClassFixture<FunctionKeyHostFixture>
{
    private const string Id = $"peering-{AlphaVpc}-{BetaVpc}";

    [Theory]
    [InlineData("POST", "api/peerings")]
    [InlineData("GET", "api/peerings")]
    [InlineData("GET", $"api/peerings/{Id}")]
    [InlineData("DELETE", $"api/peerings/{Id}")]
    public async Task Portal_route_without_the_function_key_or_with_a_wrong_one_is_401_and_does_nothing(string method, string path)
    {
        foreach (var key in new[] { null, "not-the-key" })
        {
            using var request = Request(method, path);
            if (key is not null)
            {
                request.Headers.Add("x-functions-key", key);
            }

            using var response = await Api.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0, Emulator.Calls().Totals.Total);
        Assert.Null(await Client.GetInstanceAsync(Id));
    }

    [Fact]
    public async Task Portal_routes_take_the_function_key_as_header_or_code_query_parameter()
    {
        using (var byHeader = Request("POST", "api/peerings"))
        {
            byHeader.Headers.Add("x-functions-key", FunctionKeyHostFixture.FunctionKey);
            using var started = await Api.Http.SendAsync(byHeader);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        using var byQuery = await Api.Http.GetAsync($"api/peerings/{Id}?code={FunctionKeyHostFixture.FunctionKey}");
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        using var health = await Api.Http.GetAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Accept_is_decided_by_the_receivers_approver_key_never_by_the_function_key()
    {
        using (var start = Request("POST", "api/peerings"))
        {
            start.Headers.Add("x-functions-key", FunctionKeyHostFixture.FunctionKey);
            using var started = await Api.Http.SendAsync(start);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        await WaitForWaitingAsync();

        // The portal's key opens nothing here, neither as x-functions-key nor as a bearer token.
        using (var withFunctionKey = new HttpRequestMessage(HttpMethod.Post, $"api/peerings/{Id}/accept"))
        {
            withFunctionKey.Headers.Add("x-functions-key", FunctionKeyHostFixture.FunctionKey);
            using var response = await Api.Http.SendAsync(withFunctionKey);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var asBearer = await Api.DecideAsync(Id, accept: true, FunctionKeyHostFixture.FunctionKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, asBearer.StatusCode);
        }

        Assert.Equal(0, Emulator.Calls().ForAccount(Beta).Writes);

        // The receiver's approver needs no function key.
        using var approver = await Api.DecideAsync(Id, accept: true, ApproverKey(Beta));
        Assert.Equal(HttpStatusCode.Accepted, approver.StatusCode);
    }

    private async Task WaitForWaitingAsync()
    {
        for (var i = 0; i < 400; i++)
        {
            using var response = await Api.Http.GetAsync($"api/peerings/{Id}?code={FunctionKeyHostFixture.FunctionKey}");
            var view = PeeringApiDriver.Read<PeeringFunctions.Peerings.PeeringView>(await response.Content.ReadAsStringAsync());
            if (view.Step == PeeringSteps.WaitingForAcceptance)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"{Id} never waited for acceptance");
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent(PeeringRequests.CrossRegion().ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }
}
