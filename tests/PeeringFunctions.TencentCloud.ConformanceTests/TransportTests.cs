using System.Diagnostics;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using TencentVpcEmulator;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>
/// Emulator fault injection, latency and rate limits as the client sees them, checked against spec table 3.3
/// (what is transient) and against the emulator's own call counters.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class TransportTests : IClassFixture<EmulatorFixture>
{
    private const string Create = "CreateVpcPeeringConnection";
    private readonly EmulatorFixture _f;

    public TransportTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    [Fact]
    public async Task An_injected_RequestLimitExceeded_is_transient_and_nothing_is_written()
    {
        _f.Server.AddFault(new FaultRule { Action = Create, Code = TencentErrorCodes.RequestLimitExceeded, Count = 1 });

        await Expect.ApiError(TencentErrorCodes.RequestLimitExceeded, () => _f.Alpha().CreateVpcPeeringConnection(Scenario.AlphaToBeta()), transient: true);

        Assert.Empty(_f.Server.Snapshot().Peerings);
        Assert.Equal(1, _f.Server.Calls().ForAction(Create).FaultsInjected);

        // Count = 1: the retry the transient flag invites goes through.
        var retried = await _f.Alpha().CreateVpcPeeringConnection(Scenario.AlphaToBeta());
        Assert.Equal("PENDING", _f.Server.Snapshot().Peering(retried.PeeringConnectionId!)!.State);
    }

    [Fact]
    public async Task An_injected_InternalError_is_transient_and_nothing_is_written()
    {
        _f.Server.AddFault(new FaultRule { Action = Create, Code = TencentErrorCodes.InternalError });

        await Expect.ApiError(TencentErrorCodes.InternalError, () => _f.Alpha().CreateVpcPeeringConnection(Scenario.AlphaToBeta()), transient: true);

        Assert.Empty(_f.Server.Snapshot().Peerings);
    }

    [Fact]
    public async Task An_injected_InternalServerError_on_accept_is_transient_and_the_request_stays_pending()
    {
        var id = (await _f.Alpha().CreateVpcPeeringConnection(Scenario.AlphaToBeta())).PeeringConnectionId!;
        _f.Server.AddFault(new FaultRule { Action = "AcceptVpcPeeringConnection", Code = TencentErrorCodes.InternalServerError, Count = 1 });

        await Expect.ApiError(TencentErrorCodes.InternalServerError,
            () => _f.Beta().AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = id }), transient: true);

        Assert.Equal("PENDING", _f.Server.Snapshot().Peering(id)!.State);
    }

    // Each code is injected into an action that documents it (the emulator refuses any other).
    [Theory]
    [InlineData("DescribeVpcs", TencentErrorCodes.ResourceUnavailable, true)]
    [InlineData("DescribeVpcs", TencentErrorCodes.ResourceInUse, true)]
    [InlineData("DescribeVpcs", TencentErrorCodes.ServiceUnavailable, true)]
    [InlineData("DescribeVpcs", TencentErrorCodes.RequestLimitExceededUinLimitExceeded, true)]
    [InlineData("DeleteVpcPeeringConnection", TencentErrorCodes.UnsupportedOperationMutexOperationTaskRunning, true)]
    [InlineData("DescribeVpcs", TencentErrorCodes.InternalErrorModuleError, true)]
    public async Task Injected_codes_are_classified_as_spec_table_3_3_says(string action, string code, bool transient)
    {
        _f.Server.AddFault(new FaultRule { Action = action, Account = "alpha", Code = code });

        await Expect.ApiError(code, () => Call(_f.Alpha(), action), transient);

        // The rule is scoped to alpha: beta is unaffected.
        var beta = await Record.ExceptionAsync(() => Call(_f.Beta(), action));
        Assert.False(beta is TencentCloudSDKException { Code: var betaCode } && betaCode == code, $"beta met the fault injected for alpha: {beta}");
    }

    private static Task Call(Vpc.V20170312.VpcClient client, string action) => action switch
    {
        "DescribeVpcs" => client.DescribeVpcs(new DescribeVpcsRequest()),
        "DeleteVpcPeeringConnection" => client.DeleteVpcPeeringConnection(new DeleteVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-00000000" }),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no call written for this action"),
    };

    [Fact]
    public async Task A_dropped_reply_is_a_transient_network_error_although_the_write_was_done()
    {
        using var http = new HttpClient();
        var alpha = _f.Client(World.Alpha, World.Guangzhou, httpClient: http);
        _f.Server.AddFault(new FaultRule { Action = Create, Mode = FaultMode.DropReply, Count = 1 });

        var ex = await Expect.Failure(() => alpha.CreateVpcPeeringConnection(Scenario.AlphaToBeta("lost-reply")));

        Assert.Equal(TencentErrorKind.Network, ex.Kind);
        Assert.Equal(TencentErrorCodes.ClientNetworkError, ex.Code);
        Assert.True(ex.IsTransient);
        Assert.Null(ex.RequestId);
        Assert.Equal(Create, ex.Action);

        // The write happened: read-check-write (spec §6) finds it.
        var held = Assert.Single(_f.Server.Snapshot().Peerings);
        Assert.Equal("PENDING", held.State);
        Assert.Equal("lost-reply", held.Name);
        var found = await alpha.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter { Name = "vpc-id", Values = [World.AlphaVpc] }],
        });
        Assert.Equal(held.PeeringConnectionId, Assert.Single(found.PeerConnectionSet!).PeeringConnectionId);
        var calls = _f.Server.Calls().ForAction(Create);
        Assert.Equal(1, calls.Total);
        Assert.Equal(1, calls.RepliesDropped);
    }

    [Fact]
    public async Task A_dropped_reply_on_the_clients_shared_pooled_connection_is_not_silently_resent()
    {
        // The production path: no HttpClient passed, so the client's shared pooled handler is used, and the
        // connection has served a request before. A POST without ClientToken must reach the emulator exactly once.
        var alpha = _f.Alpha();
        await alpha.DescribeVpcs(new DescribeVpcsRequest());
        _f.Server.AddFault(new FaultRule { Action = Create, Mode = FaultMode.DropReply, Count = 1 });

        var ex = await Expect.Failure(() => alpha.CreateVpcPeeringConnection(Scenario.AlphaToBeta("lost-reply")));

        Assert.Equal(TencentErrorKind.Network, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.Equal(1, _f.Server.Calls().ForAction(Create).Total);
        Assert.Single(_f.Server.Snapshot().Peerings);

        // The pool recovers: the next call on the same client works.
        Assert.Single((await alpha.DescribeVpcs(new DescribeVpcsRequest())).VpcSet!);
    }

    [Fact]
    public async Task A_dropped_reply_on_a_route_write_leaves_the_route_in_place()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        _f.Server.AddFault(new FaultRule { Action = "CreateRoutes", Mode = FaultMode.DropReply, Count = 1 });
        using var http = new HttpClient();
        var alpha = _f.Client(World.Alpha, World.Guangzhou, httpClient: http);

        var ex = await Expect.Failure(() => alpha.CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [Scenario.PeeringRoute(World.BetaVpcCidr, pcx)],
        }));

        Assert.Equal(TencentErrorKind.Network, ex.Kind);
        Assert.True(ex.IsTransient);
        var held = Assert.Single(_f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes);
        Assert.Equal(pcx, held.GatewayId);
    }

    [Fact]
    public async Task Rate_limits_throttle_a_burst_and_the_emulator_counts_exactly_what_the_client_saw()
    {
        _f.Server.ConfigureRateLimits(true, new Dictionary<string, int> { ["DescribeVpcs"] = 5 });
        var alpha = _f.Alpha();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await alpha.DescribeVpcs(new DescribeVpcsRequest());
                return null;
            }
            catch (TencentCloudSDKException ex)
            {
                Expect.NoSecretsIn(ex);
                return ex;
            }
        }));

        var throttled = outcomes.Where(o => o is not null).Select(o => o!).ToList();
        var succeeded = outcomes.Count(o => o is null);
        Assert.NotEmpty(throttled);
        Assert.InRange(succeeded, 1, 19);
        Assert.All(throttled, ex =>
        {
            Assert.Equal(TencentErrorCodes.RequestLimitExceeded, ex.Code);
            Assert.Equal(TencentErrorKind.Api, ex.Kind);
            Assert.True(ex.IsTransient);
            Assert.True(Guid.TryParse(ex.RequestId, out _));
        });

        var counted = _f.Server.Calls().ByAccountAndAction["alpha"]["DescribeVpcs"];
        Assert.Equal(20, counted.Total);
        Assert.Equal(throttled.Count, counted.Throttled);
        Assert.Equal(throttled.Count, counted.Errors);
        Assert.Equal(5, _f.Server.RateLimits().PerSecond["DescribeVpcs"]);

        // Limits are per account and per action: beta and alpha's other actions still go through.
        await _f.Beta().DescribeVpcs(new DescribeVpcsRequest());
        await alpha.DescribeSubnets(new DescribeSubnetsRequest());
    }

    [Fact]
    public async Task Without_rate_limits_the_same_burst_all_succeeds()
    {
        var alpha = _f.Alpha();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => alpha.DescribeVpcs(new DescribeVpcsRequest())));

        var counted = _f.Server.Calls().ForAction("DescribeVpcs");
        Assert.Equal(20, counted.Total);
        Assert.Equal(0, counted.Throttled);
    }

    // The emulator waits with Task.Delay, whose timers run on a coarser clock than Stopwatch and can fire a tick early
    // (a run measured 399.8 ms for 400): the checks below allow that much, far below the delays themselves.
    private static readonly TimeSpan TimerTick = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Injected_latency_slows_the_call_by_at_least_the_injected_time()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        var alpha = _f.Alpha();
        await alpha.DescribeVpcs(new DescribeVpcsRequest());
        _f.Server.SetLatency("DescribeVpcs", delay);

        var watch = Stopwatch.StartNew();
        var response = await alpha.DescribeVpcs(new DescribeVpcsRequest());
        watch.Stop();

        Assert.Single(response.VpcSet!);
        Assert.True(watch.Elapsed >= delay - TimerTick, $"took {watch.Elapsed.TotalMilliseconds} ms, latency was {delay.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_delay_fault_slows_a_write_that_still_succeeds()
    {
        _f.Server.AddFault(new FaultRule { Action = Create, Mode = FaultMode.Delay, Milliseconds = 300, Count = 1 });

        var watch = Stopwatch.StartNew();
        var created = await _f.Alpha().CreateVpcPeeringConnection(Scenario.AlphaToBeta());
        watch.Stop();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300) - TimerTick, $"took {watch.Elapsed.TotalMilliseconds} ms");
        Assert.NotNull(_f.Server.Snapshot().Peering(created.PeeringConnectionId!));
    }

    [Fact]
    public async Task Latency_beyond_the_client_timeout_is_a_transient_network_error()
    {
        _f.Server.SetLatency("*", TimeSpan.FromSeconds(3));
        var impatient = _f.Client(World.Alpha, World.Guangzhou, timeout: TimeSpan.FromMilliseconds(300));

        var ex = await Expect.Failure(() => impatient.DescribeVpcs(new DescribeVpcsRequest()));

        Assert.Equal(TencentErrorKind.Network, ex.Kind);
        Assert.Equal(TencentErrorCodes.ClientNetworkError, ex.Code);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Cancelling_a_slow_call_surfaces_as_OperationCanceledException_not_as_an_sdk_error()
    {
        _f.Server.SetLatency("DescribeVpcs", TimeSpan.FromSeconds(3));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var thrown = await Record.ExceptionAsync(() => _f.Alpha().DescribeVpcs(new DescribeVpcsRequest(), cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Expect.NoSecretsIn(thrown!);
    }

    [Fact]
    public async Task Concurrent_route_writes_through_one_client_all_land_with_distinct_route_ids()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();
        var alpha = _f.Alpha();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => alpha.CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [Scenario.PeeringRoute($"172.16.{i}.0/24", pcx)],
        })));

        var returned = responses.Select(r => Assert.Single(Assert.Single(r.RouteTableSet!).RouteSet!)).ToList();
        var held = _f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes;
        Assert.Equal(16, held.Count);
        Assert.Equal(16, returned.Select(r => r.RouteId).Distinct().Count());
        Assert.Equal(held.Select(h => h.RouteItemId).Order(), returned.Select(r => r.RouteItemId!).Order());
    }
}
