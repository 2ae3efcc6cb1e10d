using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// What every Tencent call reports, through System.Diagnostics (OpenTelemetry subscribes by <see cref="Name"/>): one
/// client span per call, and the calls counted and timed by action and result. Identifiers only: action, region,
/// service, error code, RequestId — never a key, a signature or a request body.
/// </summary>
public static class TencentTelemetry
{
    /// <summary>The ActivitySource and Meter name to subscribe to.</summary>
    public const string Name = "PeeringFunctions.TencentCloud";

    /// <summary>Tag names, written once (the account alias is added by whoever knows it: the access layer).</summary>
    public static class Tags
    {
        public const string Service = "tencent.service";
        public const string Action = "tencent.action";
        public const string Region = "tencent.region";
        public const string Account = "tencent.account";
        public const string Result = "tencent.result";
        public const string ErrorCode = "tencent.error_code";
        public const string RequestId = "tencent.request_id";
        public const string HttpStatus = "http.response.status_code";
    }

    /// <summary>The value of <see cref="Tags.Result"/> for a call Tencent answered without an error.</summary>
    public const string Success = "Success";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Calls by service, action, region and result (Success or the error code).</summary>
    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("tencent.calls", "{call}", "Tencent API calls by action and result");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("tencent.call.duration", "ms", "Time from sending a Tencent call to its parsed answer");

    /// <summary>The span of the call the current code runs in, if one is being recorded (e.g. for a handler to add a tag).</summary>
    public static Activity? CurrentCall()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.Source == Source)
            {
                return activity;
            }
        }

        return null;
    }

    internal static Activity? StartCall(string service, string action, string region)
    {
        var activity = Source.StartActivity($"Tencent {action}", ActivityKind.Client);
        activity?.SetTag(Tags.Service, service).SetTag(Tags.Action, action).SetTag(Tags.Region, region);
        return activity;
    }

    internal static void Succeeded(Activity? activity, string service, string action, string region, string? requestId, TimeSpan elapsed)
    {
        activity?.SetTag(Tags.RequestId, requestId).SetTag(Tags.Result, Success);
        Record(service, action, region, Success, elapsed);
    }

    internal static void Failed(Activity? activity, string service, string action, string region, TencentCloudSDKException error, TimeSpan elapsed)
    {
        activity?.SetTag(Tags.RequestId, error.RequestId)
            .SetTag(Tags.ErrorCode, error.Code)
            .SetTag(Tags.Result, error.Code)
            .SetTag(Tags.HttpStatus, error.HttpStatusCode)
            .SetStatus(ActivityStatusCode.Error, error.Code);
        Record(service, action, region, error.Code, elapsed);
    }

    /// <summary>
    /// An answer a handler under the client took for itself and sent the request again for (Tencent's throttling: the
    /// rate limiter resends): Tencent did answer a call, so it is counted with its error code as the result, and marked
    /// on the call's span, whose service and region it takes. The resent request is then counted as its own call.
    /// </summary>
    public static void CountResentAnswer(string action, string errorCode, TimeSpan elapsed)
    {
        var call = CurrentCall();
        call?.AddEvent(new ActivityEvent("tencent.resent", tags: new ActivityTagsCollection { { Tags.ErrorCode, errorCode } }));
        Record(call?.GetTagItem(Tags.Service) as string ?? "unknown", action, call?.GetTagItem(Tags.Region) as string ?? "unknown", errorCode, elapsed);
    }

    private static void Record(string service, string action, string region, string result, TimeSpan elapsed)
    {
        var tags = new TagList { { Tags.Service, service }, { Tags.Action, action }, { Tags.Region, region }, { Tags.Result, result } };
        Calls.Add(1, tags);
        Duration.Record(elapsed.TotalMilliseconds, tags);
    }
}
