namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// Any failure of a Tencent Cloud API call. The message holds Tencent's text plus code, action and RequestId;
/// credentials, the Authorization header and the request body are never put into it.
/// </summary>
public sealed class TencentCloudSDKException : Exception
{
    public TencentCloudSDKException()
        : this(TencentErrorCodes.ClientUnknownError, "Unknown Tencent Cloud error.")
    {
    }

    public TencentCloudSDKException(string message)
        : this(TencentErrorCodes.ClientUnknownError, message)
    {
    }

    public TencentCloudSDKException(string message, Exception? innerException)
        : this(TencentErrorCodes.ClientUnknownError, message, innerException: innerException)
    {
    }

    public TencentCloudSDKException(
        string code,
        string message,
        string? requestId = null,
        TencentErrorKind kind = TencentErrorKind.Api,
        int? httpStatusCode = null,
        string? action = null,
        Exception? innerException = null)
        : base(FormatMessage(code, message, action, requestId), innerException)
    {
        Code = code;
        ErrorMessage = message;
        RequestId = requestId;
        Kind = kind;
        HttpStatusCode = httpStatusCode;
        Action = action;
    }

    /// <summary>Tencent's error code (e.g. <c>ResourceNotFound</c>) or a <c>ClientError.*</c> code set by this client.</summary>
    public string Code { get; }

    /// <summary>The bare message text (Tencent's <c>Error.Message</c> for <see cref="TencentErrorKind.Api"/>).</summary>
    public string ErrorMessage { get; }

    public string? RequestId { get; }

    public TencentErrorKind Kind { get; }

    /// <summary>The HTTP status for <see cref="TencentErrorKind.Http"/> (and 200 for API errors); null for network failures.</summary>
    public int? HttpStatusCode { get; }

    /// <summary>The API action that failed, e.g. <c>CreateRoutes</c>.</summary>
    public string? Action { get; }

    /// <summary>
    /// True when retrying may help: a network failure, or what <see cref="TencentErrorCodes.IsTransient(string, int?)"/>
    /// says of the code and HTTP status (the one classification; an HTTP error's status decides, see
    /// <see cref="TencentErrorCodes.IsTransientHttpStatus"/>). Writes have no idempotency token, so a caller should
    /// read back before retrying a write.
    /// </summary>
    public bool IsTransient => Kind == TencentErrorKind.Network || TencentErrorCodes.IsTransient(Code, HttpStatusCode);

    private static string FormatMessage(string code, string message, string? action, string? requestId)
    {
        var text = $"[{code}] {message}";
        if (action is not null)
        {
            text += $" (Action={action}";
            text += requestId is null ? ")" : $", RequestId={requestId})";
        }
        else if (requestId is not null)
        {
            text += $" (RequestId={requestId})";
        }

        return text;
    }
}
