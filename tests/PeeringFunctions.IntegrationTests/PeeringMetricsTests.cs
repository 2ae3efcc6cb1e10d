using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Registry;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Telemetry;
using TencentVpcEmulator;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>The metrics after a known sequence of peerings, against what happened (and what the emulator counted).</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class PeeringMetricsTests
{
    [Fact]
    public async Task After_two_active_peerings_one_rejected_and_one_throttled_call_the_metrics_say_exactly_that()
    {
        await using var host = await TelemetryHost.StartAsync();
        var clock = Stopwatch.StartNew();
        // Tencent throttles the first DescribeVpcs; the rate limiter waits and sends it again.
        host.Emulator.AddFault(new FaultRule { Action = "DescribeVpcs", Code = TencentErrorCodes.RequestLimitExceeded, Count = 1 });

        // 1. Accepted by the receiver over HTTP.
        var accepted = await host.Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        await host.Api.WaitForStepAsync(accepted.Id, PeeringSteps.WaitingForAcceptance);
        await host.Api.DecideAcceptedAsync(accepted.Id, accept: true, ApproverKey(Beta));
        Assert.Equal(PeeringStatus.Active, (await host.Api.WaitForEndAsync(accepted.Id)).State);

        // 2. One account on both sides: Active with no decision to wait for.
        var sameAccount = await host.Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        Assert.Equal(PeeringStatus.Active, (await host.Api.WaitForEndAsync(sameAccount.Id)).State);

        // 3. Rejected by the receiver.
        var rejected = await host.Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await host.Api.WaitForStepAsync(rejected.Id, PeeringSteps.WaitingForAcceptance);
        await host.Api.DecideAcceptedAsync(rejected.Id, accept: false, ApproverKey(Beta));
        Assert.Equal(PeeringStatus.Rejected, (await host.Api.WaitForEndAsync(rejected.Id)).State);
        var elapsed = clock.Elapsed.TotalSeconds;

        await host.Host.Services.GetRequiredService<PeeringStateCounts>().RefreshAsync();
        host.Flush();
        var calls = host.Emulator.Calls();

        // Peerings by state: what the registry holds.
        var byState = host.Metric("peerings").MetricPoints.ToDictionary(p => p.Tag(PeeringTelemetry.Tags.State)!, p => p.GetGaugeLastValueLong());
        Assert.Equal(new Dictionary<string, long> { [RegistryStates.Active] = 2, [RegistryStates.Rejected] = 1 }, byState);

        // The wait for a decision: one accepted, one rejected, each within the test's own time.
        var waits = host.Metric("peering.acceptance.wait");
        foreach (var decision in new[] { WorkflowTelemetry.Accepted, WorkflowTelemetry.Rejected })
        {
            var point = Assert.Single(waits.Where(WorkflowTelemetry.Tags.Decision, decision));
            Assert.Equal(1, point.GetHistogramCount());
            Assert.InRange(point.GetHistogramSum(), 0, elapsed);
        }

        Assert.Equal(2, waits.MetricPoints.Count);

        // Time to Active: the two Active peerings.
        var toActive = Assert.Single(host.Metric("peering.time_to_active").MetricPoints);
        Assert.Equal(2, toActive.GetHistogramCount());
        Assert.InRange(toActive.GetHistogramSum(), 0, elapsed);

        // Tencent calls: as many as the emulator answered, the throttled one counted under its code.
        var tencentCalls = host.Metric("tencent.calls");
        Assert.Equal(calls.Totals.Total, tencentCalls.MetricPoints.Sum(p => p.GetSumLong()));
        Assert.All(calls.ByAction, action => Assert.Equal(action.Value.Total,
            tencentCalls.Where(TencentTelemetry.Tags.Action, action.Key).Sum(p => p.GetSumLong())));
        Assert.Equal(1, tencentCalls.Where(TencentTelemetry.Tags.Result, TencentErrorCodes.RequestLimitExceeded).Sum(p => p.GetSumLong()));
        Assert.Equal(calls.Totals.Errors, tencentCalls.MetricPoints.Where(p => p.Tag(TencentTelemetry.Tags.Result) != TencentTelemetry.Success).Sum(p => p.GetSumLong()));
        Assert.Equal(1, calls.Totals.FaultsInjected); // the emulator counts its own rate limiting as Throttled, an injected answer here

        // Throttled: once, by Tencent, on DescribeVpcs; every call sent waited for its slot first.
        var throttled = Assert.Single(host.Metric("tencent.throttled").MetricPoints);
        Assert.Equal(1, throttled.GetSumLong());
        Assert.Equal(RateLimitTelemetry.ByTencent, throttled.Tag(RateLimitTelemetry.ThrottledBy));
        Assert.Equal("DescribeVpcs", throttled.Tag(TencentTelemetry.Tags.Action));
        Assert.Equal(calls.Totals.Total, host.Metric("tencent.client_wait").MetricPoints.Sum(p => p.GetHistogramCount()));
    }

    [Fact]
    public async Task A_route_deleted_in_the_console_counts_one_drift_finding_of_its_kind_and_one_repair_that_left_the_peering_active()
    {
        await using var host = await TelemetryHost.StartAsync();
        var started = await host.Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        var pcx = (await host.Api.WaitForEndAsync(started.Id)).PeeringConnectionId!;
        Assert.Empty((await host.Host.DriftWatcher.CheckAsync(host.Host.Client, CancellationToken.None)).NewFindings);
        var route = Assert.Single(host.Emulator.Snapshot().RoutesVia(BetaPeeringTable, pcx));
        await TencentConsole.Of(host.Emulator.BaseUrl, Beta, Shanghai).DeleteRoutes(new DeleteRoutesRequest
        {
            RouteTableId = BetaPeeringTable, Routes = [new Route { RouteItemId = route.RouteItemId }],
        });

        Assert.Single((await host.Host.DriftWatcher.CheckAsync(host.Host.Client, CancellationToken.None)).NewFindings);
        await host.Api.WaitUntilAsync(started.Id, v => v.Repair?.Outcome is not null, "its repair ended");
        // The tick after the repair finds nothing new: a finding seen once is counted once.
        Assert.Empty((await host.Host.DriftWatcher.CheckAsync(host.Host.Client, CancellationToken.None)).NewFindings);
        host.Flush();

        var finding = Assert.Single(host.Metric("peering.drift.findings").MetricPoints);
        Assert.Equal((DriftKinds.RouteMissing, 1L), (finding.Tag(PeeringTelemetry.Tags.DriftKind), finding.GetSumLong()));
        var repair = Assert.Single(host.Metric("peering.repairs").MetricPoints);
        Assert.Equal((RepairKinds.Repair, RegistryStates.Active, 1L),
            (repair.Tag(WorkflowTelemetry.Tags.RepairKind), repair.Tag(WorkflowTelemetry.Tags.RepairResult), repair.GetSumLong()));
    }
}
