using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>The /_emulator control endpoints and their in-process twins.</summary>
public class ControlApiTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> GetJson(Emulator emu, string path)
    {
        using var response = await emu.Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private static async Task Send(Emulator emu, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        using var response = await emu.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task State_lists_accounts_without_secret_keys_and_the_peerings_with_their_state()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();
        using var response = await emu.Http.GetAsync("/_emulator/state");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Demo.Alpha.SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secretKey", text, StringComparison.OrdinalIgnoreCase);

        using var doc = JsonDocument.Parse(text);
        var state = doc.RootElement;
        Assert.Equal(2, state.GetProperty("accounts").GetArrayLength());
        Assert.Equal(4, state.GetProperty("vpcs").GetArrayLength());
        Assert.Equal(5, state.GetProperty("subnets").GetArrayLength());
        Assert.Equal(6, state.GetProperty("routeTables").GetArrayLength());
        var peering = Assert.Single(state.GetProperty("peerings").EnumerateArray());
        Assert.Equal(id, peering.Str("peeringConnectionId"));
        Assert.Equal("PENDING", peering.Str("state"));
        Assert.Equal("alpha", peering.Str("sourceAccount"));
        Assert.Equal("ap-shanghai", peering.Str("destinationRegion"));
    }

    [Fact]
    public async Task Calls_are_counted_per_action_and_account_with_writes_and_errors_and_can_be_reset()
    {
        await using var emu = await Emulator.StartAsync();
        await emu.CreateAlphaToBetaAsync();
        Api.Ok(await emu.Alpha("DescribeVpcs"));
        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = "pcx-00000000" }), "ResourceNotFound");
        Api.Error(await emu.SendAsync(new TencentCall { Key = new ApiKey("AKIDnobody", "x"), Action = "DescribeVpcs" }), "AuthFailure.SecretIdNotFound");

        var calls = await GetJson(emu, "/_emulator/calls");
        var totals = calls.GetProperty("totals");
        Assert.Equal(4, totals.GetProperty("total").GetInt32());
        Assert.Equal(2, totals.GetProperty("writes").GetInt32());
        Assert.Equal(2, totals.GetProperty("errors").GetInt32());
        Assert.Equal(1, calls.GetProperty("byAction").GetProperty("CreateVpcPeeringConnection").GetProperty("total").GetInt32());
        Assert.Equal(2, calls.GetProperty("byAccount").GetProperty("alpha").GetProperty("total").GetInt32());
        Assert.Equal(1, calls.GetProperty("byAccount").GetProperty("(unauthenticated)").GetProperty("errors").GetInt32());
        Assert.Equal(1, calls.GetProperty("byAccountAndAction").GetProperty("beta").GetProperty("AcceptVpcPeeringConnection").GetProperty("errors").GetInt32());
        Assert.Equal(2, emu.Server.Calls().ForAction("DescribeVpcs").Total);

        await Send(emu, HttpMethod.Delete, "/_emulator/calls");
        Assert.Equal(0, emu.Server.Calls().Totals.Total);
    }

    [Fact]
    public async Task The_writes_answered_are_journaled_in_order_with_the_request_id_each_reply_carried_and_reads_are_not()
    {
        await using var emu = await Emulator.StartAsync();
        var created = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new { SourceVpcId = Demo.AlphaVpc, PeeringConnectionName = "p", DestinationVpcId = Demo.BetaVpc, DestinationUin = Demo.BetaUin, DestinationRegion = Demo.Shanghai, Bandwidth = 10 }));
        Api.Ok(await emu.Alpha("DescribeVpcs"));
        var refused = await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = "pcx-00000000" });
        Api.Error(refused, "ResourceNotFound");

        var writes = (await GetJson(emu, "/_emulator/calls/writes")).EnumerateArray().ToList();

        Assert.Equal(2, writes.Count);
        Assert.Equal(("CreateVpcPeeringConnection", "alpha", created.GetProperty("RequestId").GetString(), false),
            (writes[0].GetProperty("action").GetString(), writes[0].GetProperty("account").GetString(), writes[0].GetProperty("requestId").GetString(), writes[0].GetProperty("isError").GetBoolean()));
        Assert.Equal(("AcceptVpcPeeringConnection", "beta", refused.GetProperty("RequestId").GetString(), true),
            (writes[1].GetProperty("action").GetString(), writes[1].GetProperty("account").GetString(), writes[1].GetProperty("requestId").GetString(), writes[1].GetProperty("isError").GetBoolean()));
        Assert.Equal(2, emu.Server.Writes().Count);

        await Send(emu, HttpMethod.Delete, "/_emulator/calls");
        Assert.Empty(emu.Server.Writes());
    }

    [Fact]
    public async Task An_error_fault_answers_with_the_configured_code_without_performing_the_action()
    {
        await using var emu = await Emulator.StartAsync();
        await Send(emu, HttpMethod.Put, "/_emulator/faults", """{"action":"CreateVpcPeeringConnection","rate":1,"code":"RequestLimitExceeded","mode":"error"}""");
        var r = await emu.Alpha("CreateVpcPeeringConnection", new { SourceVpcId = Demo.AlphaVpc, PeeringConnectionName = "p", DestinationVpcId = Demo.BetaVpc, DestinationUin = Demo.BetaUin, DestinationRegion = Demo.Shanghai, Bandwidth = 10 });
        Api.Error(r, "RequestLimitExceeded");
        Assert.Empty(emu.Server.Snapshot().Peerings);
        Api.Ok(await emu.Alpha("DescribeVpcs"));
        Assert.Equal(1, emu.Server.Calls().Totals.FaultsInjected);

        await Send(emu, HttpMethod.Delete, "/_emulator/faults");
        await emu.CreateAlphaToBetaAsync();
    }

    [Fact]
    public async Task A_fault_can_be_limited_to_one_account_and_a_number_of_hits()
    {
        await using var emu = await Emulator.StartAsync();
        emu.Server.AddFault(new FaultRule { Action = "*", Account = "beta", Code = "InternalError", Count = 1 });
        Api.Ok(await emu.Alpha("DescribeVpcs"));
        Api.Error(await emu.Beta("DescribeVpcs"), "InternalError");
        Api.Ok(await emu.Beta("DescribeVpcs"));
    }

    [Fact]
    public async Task Faults_at_a_rate_are_reproducible_with_a_random_seed()
    {
        async Task<string> Pattern()
        {
            await using var emu = await Emulator.StartAsync(o => o.RandomSeed = 42);
            emu.Server.AddFault(new FaultRule { Action = "DescribeVpcs", Rate = 0.5, Code = "InternalError" });
            var outcome = new StringBuilder();
            for (var i = 0; i < 24; i++)
            {
                outcome.Append((await emu.Alpha("DescribeVpcs")).TryGetProperty("Error", out _) ? 'x' : '.');
            }

            return outcome.ToString();
        }

        var first = await Pattern();
        Assert.Equal(first, await Pattern());
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task A_drop_reply_fault_performs_the_write_and_then_cuts_the_connection()
    {
        await using var emu = await Emulator.StartAsync();
        await Send(emu, HttpMethod.Put, "/_emulator/faults", """{"action":"CreateVpcPeeringConnection","rate":1.0,"mode":"dropReply"}""");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => emu.CreateAlphaToBetaAsync());

        var peering = Assert.Single(emu.Server.Snapshot().Peerings);
        Assert.Equal("PENDING", peering.State);
        Assert.Equal(1, emu.Server.Calls().Totals.RepliesDropped);

        // The read-check-write recovery path: the peering is there to be found.
        emu.Server.ClearFaults();
        var found = Api.Ok(await emu.Alpha("DescribeVpcPeeringConnections", new { Filters = new[] { new { Name = "vpc-id", Values = new[] { Demo.AlphaVpc } } } }));
        Assert.Equal(peering.PeeringConnectionId, found.GetProperty("PeerConnectionSet")[0].Str("PeeringConnectionId"));
    }

    [Fact]
    public async Task The_clock_endpoint_moves_the_emulator_clock_forward()
    {
        await using var emu = await Emulator.StartAsync();
        var before = emu.Server.Now;
        await Send(emu, HttpMethod.Post, "/_emulator/clock", """{"advanceSeconds":3600}""");
        var clock = await GetJson(emu, "/_emulator/clock");
        Assert.Equal(3600, clock.GetProperty("offsetSeconds").GetDouble());
        Assert.True(emu.Server.Now - before >= TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Reset_reloads_the_seed_and_clears_counters_faults_and_clock()
    {
        await using var emu = await Emulator.StartAsync();
        await emu.ActiveAlphaToBetaAsync();
        emu.Server.AddFault(new FaultRule { Action = "DescribeVpcs", Code = "InternalError" });
        emu.Server.AdvanceClock(TimeSpan.FromDays(1));
        await Send(emu, HttpMethod.Post, "/_emulator/reset");

        Assert.Empty(emu.Server.Snapshot().Peerings);
        Assert.Empty(emu.Server.Faults());
        Assert.Equal(TimeSpan.Zero, emu.Server.ClockOffset);
        Assert.Equal(0, emu.Server.Calls().Totals.Total);
        Api.Ok(await emu.Alpha("DescribeVpcs"));
    }

    [Theory]
    [InlineData("PUT", "/_emulator/faults", """{"action":"NoSuchAction","rate":1}""")]
    [InlineData("PUT", "/_emulator/faults", """{"action":"*","rate":2}""")]
    [InlineData("PUT", "/_emulator/faults", """{"action":"*","mode":"explode"}""")]
    [InlineData("PUT", "/_emulator/latency", """{"action":"*","milliseconds":-5}""")]
    [InlineData("PUT", "/_emulator/ratelimits", """{"enabled":true,"perSecond":{"DescribeVpcs":0}}""")]
    [InlineData("POST", "/_emulator/clock", """{"advanceSeconds":-1}""")]
    [InlineData("POST", "/_emulator/clock", "not json")]
    public async Task Bad_control_bodies_are_rejected_with_400(string method, string path, string body)
    {
        await using var emu = await Emulator.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(body) };
        using var response = await emu.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://10.1.2.3:8930")]
    [InlineData("http://*:8930")]
    public async Task The_server_refuses_to_bind_anything_but_loopback(string urls)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => TencentVpcEmulatorServer.StartAsync(new EmulatorOptions { Urls = urls }));
    }

    [Fact]
    public async Task A_thousand_concurrent_calls_keep_the_state_consistent()
    {
        var alphaVpcs = Enumerable.Range(0, 40).Select(i => Seeds.Vpc("alpha", Demo.Guangzhou, $"alph{i:d4}", $"10.{100 + i}.0.0/16")).ToArray();
        var betaVpcs = Enumerable.Range(0, 40).Select(i => Seeds.Vpc("beta", Demo.Shanghai, $"bpeer{i:d3}", $"192.168.{i}.0/24")).ToArray();
        await using var emu = await Emulator.StartAsync(o =>
        {
            o.Seed = Seeds.DemoWith([.. alphaVpcs, .. betaVpcs]);
            o.Activation.CrossRegionDelay = TimeSpan.Zero; // accepts turn ACTIVE at once: this test is about concurrency
        });

        var creates = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = $"vpc-alph{i:d4}",
            PeeringConnectionName = $"pair-{i}",
            DestinationVpcId = $"vpc-bpeer{i:d3}",
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Shanghai,
            Bandwidth = 10,
        })));
        var ids = creates.Select(r => Api.Ok(r).Str("PeeringConnectionId")).ToList();
        Assert.Equal(40, ids.Distinct().Count());

        var reads = Enumerable.Range(0, 960).Select(i => i % 2 == 0 ? emu.Alpha("DescribeVpcPeeringConnections", new { Limit = 100 }) : emu.Beta("DescribeVpcs"));
        var accepts = ids.Select(id => emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }));
        var results = await Task.WhenAll(reads.Concat(accepts));
        Assert.All(results, r => Api.Ok(r));
        Assert.All(emu.Server.Snapshot().Peerings, p => Assert.Equal("ACTIVE", p.State));
        Assert.Equal(1040, emu.Server.Calls().Totals.Total);
    }
}

/// <summary>Latency and rate limits measure time, so they run without parallel neighbours.</summary>
[Collection(SerialCollection.Name)]
public class ControlApiTimingTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Latency_delays_the_configured_action_and_can_be_cleared()
    {
        await using var emu = await Emulator.StartAsync();
        using (var put = await emu.Http.PutAsync("/_emulator/latency", Json("""{"action":"DescribeSubnets","milliseconds":400}""")))
        {
            put.EnsureSuccessStatusCode();
        }

        var watch = Stopwatch.StartNew();
        Api.Ok(await emu.Alpha("DescribeSubnets"));
        Assert.True(watch.ElapsedMilliseconds >= 390, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(400, emu.Server.Latency()["DescribeSubnets"]);

        using (var delete = await emu.Http.DeleteAsync("/_emulator/latency"))
        {
            delete.EnsureSuccessStatusCode();
        }

        Assert.Empty(emu.Server.Latency());
    }

    [Fact]
    public async Task A_delay_fault_slows_the_call_but_still_performs_it()
    {
        await using var emu = await Emulator.StartAsync();
        emu.Server.AddFault(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.Delay, Milliseconds = 300 });
        var watch = Stopwatch.StartNew();
        await emu.CreateAlphaToBetaAsync();
        Assert.True(watch.ElapsedMilliseconds >= 290, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Single(emu.Server.Snapshot().Peerings);
    }

    [Fact]
    public async Task Rate_limits_turned_on_over_http_throttle_each_account_and_action_separately()
    {
        await using var emu = await Emulator.StartAsync();
        using (var put = await emu.Http.PutAsync("/_emulator/ratelimits", Json("""{"enabled":true,"perSecond":{"DescribeVpcs":3}}""")))
        {
            put.EnsureSuccessStatusCode();
        }

        var watch = Stopwatch.StartNew();
        var codes = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            var r = await emu.Alpha("DescribeVpcs");
            codes.Add(r.TryGetProperty("Error", out var e) ? e.Str("Code") : null);
        }

        Api.Ok(await emu.Beta("DescribeVpcs"));
        Api.Ok(await emu.Alpha("DescribeSubnets"));
        if (watch.ElapsedMilliseconds < 900)
        {
            Assert.Equal(3, codes.Count(c => c is null));
            Assert.Equal(3, codes.Count(c => c == "RequestLimitExceeded"));
            Assert.Equal(3, emu.Server.Calls().Totals.Throttled);
        }
        else
        {
            Assert.Contains("RequestLimitExceeded", codes);
        }

        var settings = emu.Server.RateLimits();
        Assert.True(settings.Enabled);
        Assert.Equal(3, settings.PerSecond["DescribeVpcs"]);
    }

    [Fact]
    public async Task The_default_limits_follow_the_documented_per_action_rates()
    {
        await using var emu = await Emulator.StartAsync(o => o.EnforceRateLimits = true);
        var limits = emu.Server.RateLimits().PerSecond;
        Assert.Equal(20, limits["CreateVpcPeeringConnection"]);
        Assert.Equal(20, limits["AcceptVpcPeeringConnection"]);
        Assert.Equal(20, limits["DescribeVpcPeeringConnections"]);
        Assert.Equal(100, limits["CreateRoutes"]);
        Assert.Equal(100, limits["DescribeRouteTables"]);
        Assert.Equal(100, limits["ReplaceRouteTableAssociation"]);
        Assert.Equal(100, limits["DescribeSubnets"]);
        Assert.Equal(100, limits["DescribeVpcs"]);
        Assert.Equal(50, limits["DeleteRoutes"]);

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => emu.Alpha("DescribeVpcPeeringConnections")));
        var throttled = results.Count(r => r.TryGetProperty("Error", out var e) && e.Str("Code") == "RequestLimitExceeded");
        Assert.Equal(throttled, emu.Server.Calls().ForAction("DescribeVpcPeeringConnections").Throttled);
        if (watch.ElapsedMilliseconds < 900)
        {
            Assert.Equal(5, throttled);
        }
        else
        {
            Assert.True(throttled > 0);
        }
    }
}
