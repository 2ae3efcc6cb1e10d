using System.Text;
using Microsoft.Extensions.Time.Testing;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentAccess.Tests.Support;

namespace PeeringFunctions.TencentAccess.Tests.RateLimiting;

public sealed class TencentRateLimitingHandlerTests
{
    [Fact]
    public async Task A_throttled_request_is_sent_again_unchanged_and_cuts_the_rate()
    {
        var tencent = new ScriptedTencent(ScriptedTencent.Throttled, ScriptedTencent.Throttled, ScriptedTencent.Success);
        using var limits = Limits(new TencentRateLimitOptions());
        using var http = Client(limits, "uin:1", tencent);

        using var response = await http.SendAsync(Request("DescribeVpcs"));

        Assert.Equal(ScriptedTencent.Success, await response.Content.ReadAsStringAsync());
        var sent = tencent.Sent.ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.Equal(sent[0], s)); // same action, signature, timestamp and body
        var statistics = limits.Statistics();
        Assert.Equal(2, statistics.ThrottledResponses);
        Assert.Equal(2, statistics.Resent);
        Assert.Equal(3, statistics.Admitted);
        Assert.InRange(statistics.RateCuts, 1, 2);
        Assert.True(limits.For("uin:1", "DescribeVpcs").CurrentPermitsPerSecond < 90);
    }

    [Fact]
    public async Task After_the_last_retry_the_throttled_answer_reaches_the_client()
    {
        var tencent = new ScriptedTencent { Otherwise = ScriptedTencent.Throttled };
        using var limits = Limits(new TencentRateLimitOptions { MaxThrottleRetries = 1 });
        using var http = Client(limits, "uin:1", tencent);

        using var response = await http.SendAsync(Request("CreateRoutes"));

        Assert.Equal(ScriptedTencent.Throttled, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, tencent.Sent.Count);
    }

    [Theory]
    [InlineData("""{"Response":{"Error":{"Code":"ResourceNotFound","Message":"no"},"RequestId":"r"}}""")]
    [InlineData("""{"Response":{"Error":{"Code":"LimitExceeded","Message":"quota"},"RequestId":"r"}}""")]
    [InlineData("""{"Response":{"PeerConnectionSet":[{"PeeringConnectionName":"RequestLimitExceeded-drill"}],"TotalCount":1,"RequestId":"r"}}""")]
    public async Task Other_answers_are_returned_as_they_are(string answer)
    {
        var tencent = new ScriptedTencent(answer);
        using var limits = Limits(new TencentRateLimitOptions());
        using var http = Client(limits, "uin:1", tencent);

        using var response = await http.SendAsync(Request("DescribeVpcPeeringConnections"));

        Assert.Equal(answer, await response.Content.ReadAsStringAsync());
        Assert.Single(tencent.Sent);
        Assert.Equal(0, limits.Statistics().ThrottledResponses);
    }

    [Fact]
    public async Task A_request_without_an_action_header_is_not_limited()
    {
        var tencent = new ScriptedTencent();
        using var limits = Limits(new TencentRateLimitOptions());
        using var http = Client(limits, "uin:1", tencent);

        using var response = await http.PostAsync(new Uri("http://127.0.0.1:9/"), new StringContent("{}"));

        Assert.Single(tencent.Sent);
        Assert.Equal(0, limits.Statistics().Admitted);
    }

    [Fact]
    public async Task Each_account_and_action_has_its_own_limit()
    {
        var clock = new FakeTimeProvider();
        var tencent = new ScriptedTencent();
        using var limits = Limits(new TencentRateLimitOptions { PerSecond = { ["DescribeVpcs"] = 2 }, Headroom = 1 }, clock);
        using var alpha = Client(limits, "uin:1", tencent);
        using var beta = Client(limits, "uin:2", tencent);

        using var first = await alpha.SendAsync(Request("DescribeVpcs"));
        var second = alpha.SendAsync(Request("DescribeVpcs"));
        using var otherAction = await alpha.SendAsync(Request("DescribeRouteTables"));
        using var otherAccount = await beta.SendAsync(Request("DescribeVpcs"));

        Assert.False(second.IsCompleted); // alpha's second DescribeVpcs waits for its slot, 0.5 s later
        Assert.Equal(3, tencent.Sent.Count);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        using var late = await second;
        Assert.Equal(4, tencent.Sent.Count);
        Assert.Equal(1, limits.Statistics().Delayed);
    }

    [Fact]
    public async Task A_call_whose_turn_is_too_far_away_is_not_sent_and_fails_as_throttled()
    {
        var clock = new FakeTimeProvider();
        var tencent = new ScriptedTencent();
        using var limits = Limits(new TencentRateLimitOptions { PerSecond = { ["CreateVpcPeeringConnection"] = 1 }, Headroom = 1, MaxWait = TimeSpan.FromSeconds(1) }, clock);
        using var http = Client(limits, "uin:1", tencent);

        using var first = await http.SendAsync(Request("CreateVpcPeeringConnection"));
        var second = http.SendAsync(Request("CreateVpcPeeringConnection"));
        using var third = await http.SendAsync(Request("CreateVpcPeeringConnection"));

        var answer = await third.Content.ReadAsStringAsync();
        Assert.Contains("\"Code\":\"RequestLimitExceeded\"", answer, StringComparison.Ordinal);
        Assert.Contains("Client-side rate limit", answer, StringComparison.Ordinal);
        Assert.Single(tencent.Sent);
        Assert.Equal(1, limits.Statistics().Refused);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var secondResponse = await second;
        Assert.Equal(2, tencent.Sent.Count);
    }

    [Fact]
    public async Task With_limits_disabled_nothing_waits_or_retries()
    {
        var tencent = new ScriptedTencent(ScriptedTencent.Throttled);
        using var limits = Limits(new TencentRateLimitOptions { Enabled = false });
        using var http = Client(limits, "uin:1", tencent);

        using var response = await http.SendAsync(Request("DescribeVpcs"));

        Assert.Equal(ScriptedTencent.Throttled, await response.Content.ReadAsStringAsync());
        Assert.Single(tencent.Sent);
    }

    [Fact]
    public void Backoff_grows_exponentially_with_jitter_and_a_ceiling()
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var expected = Math.Min(4.0, 0.25 * Math.Pow(2, attempt));
            Assert.InRange(TencentRateLimitingHandler.Backoff(attempt).TotalSeconds, expected * 0.5, expected * 1.5);
        }
    }

    private static TencentRateLimiter Limits(TencentRateLimitOptions options, TimeProvider? time = null) =>
        new(new FixedOptions<TencentRateLimitOptions>(options), time ?? TimeProvider.System);

    private static HttpClient Client(TencentRateLimiter limits, string account, HttpMessageHandler tencent) =>
        new(new TencentRateLimitingHandler(limits, account) { InnerHandler = tencent });

    private static HttpRequestMessage Request(string action)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://127.0.0.1:9/"))
        {
            Content = new StringContent("""{"VpcIds":["vpc-alpha001"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", "1764057600");
        request.Headers.TryAddWithoutValidation("Authorization", "TC3-HMAC-SHA256 Credential=AKIDx/2025-11-25/vpc/tc3_request, SignedHeaders=content-type;host, Signature=abc");
        return request;
    }
}
