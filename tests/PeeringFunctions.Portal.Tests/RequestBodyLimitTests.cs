using System.Text;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Portal.Tests.Support;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>
/// Every route that reads a body refuses one over its limit while reading it (413), chunked or not, and never waits
/// for the rest: each body here is 1 MiB sent chunked with no end, so only a server that counts as it reads can
/// answer before the client gives up.
/// </summary>
public sealed class RequestBodyLimitTests(PortalHostFixture host) : IClassFixture<PortalHostFixture>, IAsyncLifetime
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(4);
    private static readonly byte[] OneMebibyte = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));

    public static TheoryData<string> Routes => [.. BodyRoutes.Keys];

    /// <summary>route → (path and query, content type, what the body starts with).</summary>
    private static readonly Dictionary<string, (string Path, string ContentType, string Start)> BodyRoutes = new(StringComparer.Ordinal)
    {
        ["portal request form"] = ("/api/portal/new", "application/x-www-form-urlencoded", "name="),
        ["JSON API start"] = ("/api/peerings", "application/json", "{\"name\":\""),
        ["Slack command webhook"] = ("/api/chat/slack/commands", "application/x-www-form-urlencoded", "text="),
        ["Slack interaction webhook"] = ("/api/chat/slack/interactions", "application/x-www-form-urlencoded", "payload="),
        ["Teams webhook"] = ("/api/chat/teams", "application/json", "{\"text\":\""),
        ["WeCom webhook"] = ("/api/chat/wecom?msg_signature=x&timestamp=1&nonce=n", "application/xml", "<xml><Encrypt>"),
    };

    private readonly HttpClient http = host.NewHttp();

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413_while_the_rest_is_still_unsent_and_starts_nothing(string route)
    {
        var (path, contentType, start) = BodyRoutes[route];
        var body = Encoding.ASCII.GetBytes(start).Concat(OneMebibyte).ToArray();

        var status = await RawHttp.SendAndHoldBackAsync(host.Host.BaseUrl, "POST", path, SameSite(contentType), body, AnswerWithin);

        Assert.True(status == 413, $"{route}: expected 413 before the body ended, got {status?.ToString() ?? "no answer"}");
        Assert.Empty(await InstancesAsync());
        Assert.Equal(0, host.Emulator.Calls().Totals.Writes);
    }

    [Fact]
    public async Task A_chunked_decision_form_over_the_limit_is_refused_with_413_before_it_is_parsed_and_decides_nothing()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var link = host.Links.Create(id, pcx, "beta", deadline);
        var writesBefore = host.Emulator.Calls().Totals.Writes;
        var body = Encoding.ASCII.GetBytes("decision=accept&padding=").Concat(OneMebibyte).ToArray();

        var status = await RawHttp.SendAndHoldBackAsync(host.Host.BaseUrl, "POST", link, SameSite("application/x-www-form-urlencoded"), body, AnswerWithin);

        Assert.True(status == 413, $"expected 413 before the body ended, got {status?.ToString() ?? "no answer"}");
        var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, instance.ReadCustomStatusAs<PeeringProgress>()!.Step);
        Assert.Equal(writesBefore, host.Emulator.Calls().Totals.Writes);
    }

    [Fact]
    public async Task A_25_MB_chunked_form_is_answered_413_and_starts_nothing()
    {
        var big = new string('a', 25 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/new")
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.ASCII.GetBytes("name=" + big))),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("Origin", host.Host.BaseUrl.GetLeftPart(UriPartial.Authority));

        using var response = await http.SendAsync(request);

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Empty(await InstancesAsync());
        Assert.Equal(0, host.Emulator.Calls().Totals.Writes);
    }

    private (string, string)[] SameSite(string contentType) =>
        [("Content-Type", contentType), ("Origin", host.Host.BaseUrl.GetLeftPart(UriPartial.Authority))];

    private async Task<List<OrchestrationMetadata>> InstancesAsync()
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in host.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            instances.Add(instance);
        }

        return instances;
    }

    /// <summary>A stream of unknown length, so HttpClient sends the body chunked with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
