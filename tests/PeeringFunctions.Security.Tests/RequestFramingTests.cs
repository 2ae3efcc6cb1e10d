using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Web;

namespace PeeringFunctions.Security.Tests;

/// <summary>
/// Issue 13, item 11: how a request is framed, not what it asks. A UTF-8 byte order mark before a valid body is still
/// that body; a peering id in a URL that is not one of ours gets a problem+json answer like any other unknown id.
/// Not here: an id with an encoded NUL (%00). Kestrel refuses that request line itself with a bare 400 before any
/// application code runs, and offers no hook to give it a body.
/// </summary>
public sealed class RequestFramingTests(PollerOffHostFixture fixture) : IClassFixture<PollerOffHostFixture>
{
    [Fact]
    public async Task A_valid_request_preceded_by_a_utf8_byte_order_mark_is_started_with_202()
    {
        var json = Encoding.UTF8.GetBytes(PeeringRequests.CrossRegion("bom first").ToJsonString());
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. json];
        try
        {
            using var content = new ByteArrayContent(withBom) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            using var response = await fixture.Http.PostAsync("api/peerings", content);

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.NotNull(response.Headers.Location);
        }
        finally
        {
            await fixture.ResetAsync();
        }
    }

    public static TheoryData<string, string> MalformedIds => new()
    {
        { "GET", "api/peerings/" + new string('a', 300) },
        { "GET", "api/peerings/..%2f" },
        { "GET", "api/peerings/PEERING-VPC-ALPHA001-VPC-BETA0001" },
        { "DELETE", "api/peerings/..%2f" },
        { "POST", "api/peerings/" + new string('a', 300) + "/reject" },
    };

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task A_malformed_peering_id_in_the_url_is_answered_with_problem_json_and_changes_nothing(string method, string path)
    {
        var writesBefore = fixture.Emulator.Calls().Totals.Writes;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        // A decision without a credential is 401 for any id (no existence oracle): with one, the id itself is judged.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PeeringFunctions.LocalHost.Hosting.TencentSettings.DemoApproverKey("beta"));
        using var response = await fixture.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{method} {path}: got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemBody>(text, ApiJson.Options)!;
        Assert.Equal((int)response.StatusCode, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.Equal(writesBefore, fixture.Emulator.Calls().Totals.Writes);
    }
}
