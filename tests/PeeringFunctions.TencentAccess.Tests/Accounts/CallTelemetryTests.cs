using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentAccess.Tests.Support;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentAccess.Tests.Accounts;

/// <summary>The access layer adds what only it knows to each call's telemetry: the account alias, and who throttled it.</summary>
public sealed class CallTelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> spans = new();
    private readonly ConcurrentQueue<(string Action, string? By)> throttled = new();
    private readonly ActivityListener spanListener;
    private readonly MeterListener meterListener = new();

    public CallTelemetryTests()
    {
        spanListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TencentTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(spanListener);
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RateLimitTelemetry.Name && instrument.Name == "tencent.throttled")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? action = null, by = null;
            foreach (var tag in tags)
            {
                action = tag.Key == TencentTelemetry.Tags.Action ? tag.Value as string : action;
                by = tag.Key == RateLimitTelemetry.ThrottledBy ? tag.Value as string : by;
            }

            throttled.Enqueue((action ?? "", by));
        });
        meterListener.Start();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_call_span_names_the_account_alias_whether_or_not_limits_are_on(bool limits)
    {
        var settings = Services.TwoAccounts();
        settings["Tencent:RateLimits:Enabled"] = limits ? "true" : "false";
        using var services = Services.Access(settings, new ScriptedTencent());
        var region = limits ? "ap-alias-limited" : "ap-alias-unlimited";

        await services.GetRequiredService<ITencentClientFactory>().Create("beta", region).DescribeVpcs(new DescribeVpcsRequest());

        var span = Assert.Single(spans, s => Equals(s.GetTagItem(TencentTelemetry.Tags.Region), region));
        Assert.Equal("beta", span.GetTagItem(TencentTelemetry.Tags.Account));
    }

    [Fact]
    public async Task A_call_Tencent_throttles_is_counted_as_throttled_by_tencent_once_per_throttled_answer()
    {
        // ModifyVpcPeeringConnection: an action no other test here throttles, so the count is this test's alone.
        var tencent = new ScriptedTencent(ScriptedTencent.Throttled, ScriptedTencent.Throttled) { Otherwise = """{"Response":{"RequestId":"ok-2"}}""" };
        using var services = Services.Access(Services.TwoAccounts(), tencent);

        await services.GetRequiredService<ITencentClientFactory>().Create("alpha", "ap-guangzhou")
            .ModifyVpcPeeringConnection(new ModifyVpcPeeringConnectionRequest { PeeringConnectionId = "pcx-telemetry", Bandwidth = 20 });

        Assert.Equal(2, throttled.Count(t => t.Action == "ModifyVpcPeeringConnection" && t.By == RateLimitTelemetry.ByTencent));
        Assert.Equal(3, tencent.Sent.Count);
    }

    public void Dispose()
    {
        spanListener.Dispose();
        meterListener.Dispose();
    }
}
