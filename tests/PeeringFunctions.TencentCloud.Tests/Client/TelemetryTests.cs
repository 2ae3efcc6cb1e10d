using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Tests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Tests.Client;

/// <summary>Each call is one client span and one counted, timed measurement, tagged with identifiers only.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> spans = new();
    private readonly ConcurrentQueue<(string Instrument, IReadOnlyDictionary<string, object?> Tags)> measurements = new();
    private readonly ActivityListener spanListener;
    private readonly MeterListener meterListener = new();

    public TelemetryTests()
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
            if (instrument.Meter.Name == TencentTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        meterListener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        meterListener.Start();
    }

    [Fact]
    public async Task A_successful_call_is_one_client_span_with_action_region_and_request_id_and_one_success_count()
    {
        const string region = "ap-telemetry-ok";
        var client = ClientFactory.Create(CapturingHandler.RespondingJson("""{"Response":{"VpcSet":[],"TotalCount":0,"RequestId":"req-telemetry-ok"}}"""), region: region);

        await client.DescribeVpcs(new DescribeVpcsRequest());

        var span = Assert.Single(spans, s => Equals(s.GetTagItem(TencentTelemetry.Tags.Region), region));
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("Tencent DescribeVpcs", span.DisplayName);
        Assert.Equal("DescribeVpcs", span.GetTagItem(TencentTelemetry.Tags.Action));
        Assert.Equal("req-telemetry-ok", span.GetTagItem(TencentTelemetry.Tags.RequestId));
        Assert.Equal(TencentTelemetry.Success, span.GetTagItem(TencentTelemetry.Tags.Result));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var counted = Assert.Single(measurements, m => m.Instrument == "tencent.calls" && Equals(m.Tags[TencentTelemetry.Tags.Region], region));
        Assert.Equal(TencentTelemetry.Success, counted.Tags[TencentTelemetry.Tags.Result]);
        Assert.Single(measurements, m => m.Instrument == "tencent.call.duration" && Equals(m.Tags[TencentTelemetry.Tags.Region], region));
    }

    [Fact]
    public async Task A_failed_call_is_an_error_span_and_is_counted_under_its_error_code_with_no_secret_in_any_tag()
    {
        const string region = "ap-telemetry-fail";
        var client = ClientFactory.Create(
            CapturingHandler.RespondingJson("""{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"req-telemetry-throttled"}}"""),
            token: ClientFactory.Token,
            region: region);

        await Assert.ThrowsAsync<TencentCloudSDKException>(() => client.DescribeVpcs(new DescribeVpcsRequest()));

        var span = Assert.Single(spans, s => Equals(s.GetTagItem(TencentTelemetry.Tags.Region), region));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("RequestLimitExceeded", span.GetTagItem(TencentTelemetry.Tags.ErrorCode));
        Assert.Equal("req-telemetry-throttled", span.GetTagItem(TencentTelemetry.Tags.RequestId));
        var counted = Assert.Single(measurements, m => m.Instrument == "tencent.calls" && Equals(m.Tags[TencentTelemetry.Tags.Region], region));
        Assert.Equal("RequestLimitExceeded", counted.Tags[TencentTelemetry.Tags.Result]);
        var everything = string.Join("\n", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        Assert.DoesNotContain(ClientFactory.SecretKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.SecretId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientFactory.Token, everything, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        spanListener.Dispose();
        meterListener.Dispose();
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measurements.Enqueue((instrument.Name, copy));
    }
}
