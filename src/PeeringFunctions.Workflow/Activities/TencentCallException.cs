using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// What an activity throws when a Tencent call fails for good. Durable Task persists only the type name and the
/// message of an activity's exception, so the message carries Tencent's code, message and RequestId in a fixed
/// form ("[Code] message (RequestId …)") and nothing else: no credentials, no request bodies.
/// </summary>
public class TencentCallException : Exception
{
    public TencentCallException(string action, string code, string message, string? requestId)
        : base(Format(action, code, message, requestId))
    {
        Code = code;
        RequestId = requestId;
    }

    public string Code { get; }

    public string? RequestId { get; }

    public static TencentCallException From(TencentCloudSDKException error, string action, bool retryable) =>
        retryable
            ? new TransientTencentCallException(action, error.Code, error.ErrorMessage, error.RequestId)
            : new TencentCallException(action, error.Code, error.ErrorMessage, error.RequestId);

    /// <summary>Reads the Tencent code back out of a persisted failure message (null when it is not ours).</summary>
    public static string? CodeOf(string? failureMessage)
    {
        if (failureMessage is null)
        {
            return null;
        }

        var start = failureMessage.IndexOf(": [", StringComparison.Ordinal);
        var end = start < 0 ? -1 : failureMessage.IndexOf(']', start);
        return end < 0 ? null : failureMessage[(start + 3)..end];
    }

    private static string Format(string action, string code, string message, string? requestId) =>
        requestId is null ? $"{action}: [{code}] {message}" : $"{action}: [{code}] {message} (RequestId {requestId})";
}

/// <summary>A failure worth retrying (throttling, a busy resource, the network): see <see cref="TencentRetry"/>.</summary>
public sealed class TransientTencentCallException(string action, string code, string message, string? requestId)
    : TencentCallException(action, code, message, requestId);
