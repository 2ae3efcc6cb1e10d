using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.Portal.Network;

/// <summary>What a page may say about a failed Tencent read: the error code, never the message (it may quote request details).</summary>
internal static class TencentErrors
{
    public static string Describe(Exception error) => error switch
    {
        TencentCloudSDKException tencent => tencent.Code,
        UnknownAccountException => "unknown account",
        TaskCanceledException or TimeoutException => "timed out",
        HttpRequestException => "unreachable",
        _ => error.GetType().Name,
    };

    public static bool IsReadFailure(Exception error) =>
        error is TencentCloudSDKException or UnknownAccountException or HttpRequestException or TaskCanceledException or TimeoutException;
}
