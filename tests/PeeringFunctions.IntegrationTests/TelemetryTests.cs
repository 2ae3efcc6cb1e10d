using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests;

/// <summary>Runs alone: OpenTelemetry listens process-wide, so another host's calls would be counted too.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>The local host's OpenTelemetry: what one peering exports, against what the emulator counted.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task One_peering_exports_a_client_span_per_tencent_call_naming_its_account_and_counts_each_call_by_action_and_result()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        await using var host = await LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().Build(),
            Emulator = new EmulatorOptions(),
            ConfigureTelemetry = otel => otel
                .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                .WithMetrics(meters => meters.AddInMemoryExporter(metrics)),
        });
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        // One account on both sides: Tencent makes it ACTIVE at once, no decision needed.
        var body = PeeringRequests.Peering("telemetry",
            PeeringRequests.Side("beta", "ap-shanghai", DemoIds.BetaVpc, DemoIds.BetaPeeringTable, DemoIds.BetaAppSubnet),
            PeeringRequests.Side("beta", "ap-guangzhou", DemoIds.BetaGzVpc, DemoIds.BetaGzMainTable, DemoIds.BetaGzSubnet), crossRegion: true);

        var portal = new PeeringApiDriver(http, waitOutUnanswered: true);
        var started = await portal.StartAcceptedAsync(body);
        await portal.WaitUntilAsync(started.Id, v => v.State == PeeringStatus.Active, "active");
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var calls = host.Emulator!.Calls();
        var tencent = spans.Where(s => s.Source.Name == TencentTelemetry.Name).ToList();
        Assert.Equal(calls.Totals.Total, tencent.Count);
        Assert.All(calls.ByAction, action => Assert.Equal(action.Value.Total, tencent.Count(s => Equals(s.GetTagItem(TencentTelemetry.Tags.Action), action.Key))));
        Assert.All(tencent, span =>
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("beta", span.GetTagItem(TencentTelemetry.Tags.Account));
            Assert.False(string.IsNullOrEmpty(span.GetTagItem(TencentTelemetry.Tags.RequestId) as string));
        });
        var served = spans.Where(s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore").ToList();
        Assert.Contains(served, s => s.DisplayName == "POST /api/peerings");
        Assert.All(served, s => Assert.StartsWith("/api/", s.GetTagItem("url.path") as string, StringComparison.Ordinal)); // not the Durable sidecar's gRPC

        var counted = metrics.Last(m => m.Name == "tencent.calls");
        Assert.Equal(calls.Totals.Total, counted.MetricPoints.Sum(p => p.GetSumLong()));
        Assert.Equal(calls.Totals.Errors, counted.MetricPoints.Where(p => ResultOf(p) != TencentTelemetry.Success).Sum(p => p.GetSumLong()));
    }

    [Fact]
    public async Task An_unknown_telemetry_exporter_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<LocalHostConfigurationException>(() => LocalPeeringHost.StartAsync(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:Exporter"] = "zipkin" }).Build(),
            Emulator = new EmulatorOptions(),
        }));

        Assert.Contains("Telemetry:Exporter", error.Message, StringComparison.Ordinal);
    }

    private static string? ResultOf(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == TencentTelemetry.Tags.Result)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
