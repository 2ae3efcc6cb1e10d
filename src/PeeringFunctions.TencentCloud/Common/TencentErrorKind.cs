namespace PeeringFunctions.TencentCloud.Common;

/// <summary>Where a call failed; decides how a caller may react.</summary>
public enum TencentErrorKind
{
    /// <summary>HTTP 200 carrying <c>Response.Error</c>: Tencent processed and refused the request.</summary>
    Api = 0,

    /// <summary>A non-200 HTTP status (gateway or transport trouble) or an unreadable response body.</summary>
    Http = 1,

    /// <summary>Connection or I/O failure or a timeout: the request may or may not have reached Tencent.</summary>
    Network = 2,
}
