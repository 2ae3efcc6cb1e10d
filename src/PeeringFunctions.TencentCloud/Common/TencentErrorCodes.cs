namespace PeeringFunctions.TencentCloud.Common;

/// <summary>
/// Tencent Cloud API 3.0 error codes used by the peering automation (spec §3.2 and §4), the <c>ClientError.*</c>
/// codes this client raises itself, and the retry classification of spec table 3.3.
/// </summary>
public static class TencentErrorCodes
{
    // Client-side codes (not sent by Tencent); the names follow the ones the official SDKs and terraform use.
    public const string ClientNetworkError = "ClientError.NetworkError";
    public const string ClientHttpStatusCodeError = "ClientError.HttpStatusCodeError";
    public const string ClientResponseParseError = "ClientError.ResponseParseError";
    public const string ClientUnknownError = "ClientError.UnknownError";

    // Authentication.
    public const string AuthFailureInvalidAuthorization = "AuthFailure.InvalidAuthorization";
    public const string AuthFailureInvalidSecretId = "AuthFailure.InvalidSecretId";
    public const string AuthFailureMfaFailure = "AuthFailure.MFAFailure";
    public const string AuthFailureSecretIdNotFound = "AuthFailure.SecretIdNotFound";
    public const string AuthFailureSignatureExpire = "AuthFailure.SignatureExpire";
    public const string AuthFailureSignatureFailure = "AuthFailure.SignatureFailure";
    public const string AuthFailureTokenFailure = "AuthFailure.TokenFailure";
    public const string AuthFailureUnauthorizedOperation = "AuthFailure.UnauthorizedOperation";

    // Platform-wide codes.
    public const string ActionOffline = "ActionOffline";
    public const string DryRunOperation = "DryRunOperation";
    public const string FailedOperation = "FailedOperation";
    public const string InternalError = "InternalError";
    public const string InternalErrorModuleError = "InternalError.ModuleError";
    public const string InternalServerError = "InternalServerError";
    public const string InvalidAction = "InvalidAction";
    public const string InvalidParameter = "InvalidParameter";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string InvalidRequest = "InvalidRequest";
    public const string IpInBlacklist = "IpInBlacklist";
    public const string IpNotInWhitelist = "IpNotInWhitelist";
    public const string LimitExceeded = "LimitExceeded";
    public const string MissingParameter = "MissingParameter";
    public const string NoSuchProduct = "NoSuchProduct";
    public const string NoSuchVersion = "NoSuchVersion";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
    public const string RequestLimitExceededGlobalRegionUinLimitExceeded = "RequestLimitExceeded.GlobalRegionUinLimitExceeded";
    public const string RequestLimitExceededIpLimitExceeded = "RequestLimitExceeded.IPLimitExceeded";
    public const string RequestLimitExceededUinLimitExceeded = "RequestLimitExceeded.UinLimitExceeded";
    public const string RequestSizeLimitExceeded = "RequestSizeLimitExceeded";
    public const string ResourceInUse = "ResourceInUse";
    public const string ResourceInsufficient = "ResourceInsufficient";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string ResourceUnavailable = "ResourceUnavailable";
    public const string ResponseSizeLimitExceeded = "ResponseSizeLimitExceeded";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string UnauthorizedOperation = "UnauthorizedOperation";
    public const string UnknownParameter = "UnknownParameter";
    public const string UnknownParameterWithGuess = "UnknownParameter.WithGuess";
    public const string UnsupportedOperation = "UnsupportedOperation";
    public const string UnsupportedProtocol = "UnsupportedProtocol";
    public const string UnsupportedRegion = "UnsupportedRegion";

    // InvalidParameter.* sub-codes.
    public const string InvalidParameterCoexist = "InvalidParameter.Coexist";
    public const string InvalidParameterFilterInvalidKey = "InvalidParameter.FilterInvalidKey";
    public const string InvalidParameterFilterMissParameter = "InvalidParameter.FilterMissParameter";
    public const string InvalidParameterFilterNotDict = "InvalidParameter.FilterNotDict";
    public const string InvalidParameterFilterValuesNotList = "InvalidParameter.FilterValuesNotList";

    // InvalidParameterValue.* sub-codes.
    public const string InvalidParameterValueCidrNotInPeerVpc = "InvalidParameterValue.CidrNotInPeerVpc";
    public const string InvalidParameterValueCombination = "InvalidParameterValue.Combination";
    public const string InvalidParameterValueDuplicate = "InvalidParameterValue.Duplicate";
    public const string InvalidParameterValueDuplicateRegion = "InvalidParameterValue.DuplicateRegion";
    public const string InvalidParameterValueEmpty = "InvalidParameterValue.Empty";
    public const string InvalidParameterValueLimitExceeded = "InvalidParameterValue.LimitExceeded";
    public const string InvalidParameterValueMalformed = "InvalidParameterValue.Malformed";
    public const string InvalidParameterValueNotUtf8EncodingError = "InvalidParameterValue.NotUtf8EncodingError";
    public const string InvalidParameterValueRange = "InvalidParameterValue.Range";
    public const string InvalidParameterValueRouteNextHopInvalid = "InvalidParameterValue.RouteNextHopInvalid";
    public const string InvalidParameterValueRoutePolicyPriorityConflict = "InvalidParameterValue.RoutePolicyPriorityConflict";
    public const string InvalidParameterValueSubnetOverlapRoute = "InvalidParameterValue.SubnetOverlapRoute";
    public const string InvalidParameterValueTooLong = "InvalidParameterValue.TooLong";
    public const string InvalidParameterValueVpcCidrConflict = "InvalidParameterValue.VpcCidrConflict";
    public const string InvalidParameterValueVpcCidrOverlapRoute = "InvalidParameterValue.VpcCidrOverlapRoute";

    // LimitExceeded.* sub-codes.
    public const string LimitExceededVpcPeerAvaLimitExceeded = "LimitExceeded.VpcPeerAvaLimitExceeded";
    public const string LimitExceededVpcPeerTotalLimitExceeded = "LimitExceeded.VpcPeerTotalLimitExceeded";

    // UnauthorizedOperation.* sub-codes.
    public const string UnauthorizedOperationVpcPeerCidrConflict = "UnauthorizedOperation.VpcPeerCidrConflict";

    // UnsupportedOperation.* sub-codes.
    public const string UnsupportedOperationAppIdMismatch = "UnsupportedOperation.AppIdMismatch";
    public const string UnsupportedOperationCdcSubnetNotSupportUnLocalGateway = "UnsupportedOperation.CdcSubnetNotSupportUnLocalGateway";
    public const string UnsupportedOperationConflictWithDockerRoute = "UnsupportedOperation.ConflictWithDockerRoute";
    public const string UnsupportedOperationDisabledNotifyCcn = "UnsupportedOperation.DisabledNotifyCcn";
    public const string UnsupportedOperationEcmp = "UnsupportedOperation.Ecmp";
    public const string UnsupportedOperationEcmpWithCcnRoute = "UnsupportedOperation.EcmpWithCcnRoute";
    public const string UnsupportedOperationEcmpWithUserRoute = "UnsupportedOperation.EcmpWithUserRoute";
    public const string UnsupportedOperationMutexOperationTaskRunning = "UnsupportedOperation.MutexOperationTaskRunning";
    public const string UnsupportedOperationNormalSubnetNotSupportLocalGateway = "UnsupportedOperation.NormalSubnetNotSupportLocalGateway";
    public const string UnsupportedOperationNotSupportDeleteVpcBmPeer = "UnsupportedOperation.NotSupportDeleteVpcBmPeer";
    public const string UnsupportedOperationPurchaseLimit = "UnsupportedOperation.PurchaseLimit";
    public const string UnsupportedOperationSystemRoute = "UnsupportedOperation.SystemRoute";
    public const string UnsupportedOperationVpcMismatch = "UnsupportedOperation.VpcMismatch";
    public const string UnsupportedOperationVpcPeerAlreadyExist = "UnsupportedOperation.VpcPeerAlreadyExist";
    public const string UnsupportedOperationVpcPeerCidrConflict = "UnsupportedOperation.VpcPeerCidrConflict";
    public const string UnsupportedOperationVpcPeerInvalidStateChange = "UnsupportedOperation.VpcPeerInvalidStateChange";
    public const string UnsupportedOperationVpcPeerPurviewError = "UnsupportedOperation.VpcPeerPurviewError";

    /// <summary>
    /// Spec table 3.3, the one classification of every code: throttling, busy or unavailable resources,
    /// ServiceUnavailable, a running mutex task, internal errors (InternalError and its sub-codes, InternalServerError),
    /// network failures and unreadable replies are worth retrying; everything else is permanent by meaning
    /// (AuthFailure.*, UnauthorizedOperation*, InvalidParameter*, MissingParameter, UnknownParameter*, LimitExceeded*,
    /// the other UnsupportedOperation.*, ResourceNotFound, …). A transient failure of a write leaves its outcome unknown:
    /// no action here has a ClientToken, so read back before retrying a write.
    /// <see cref="ClientHttpStatusCodeError"/> depends on the status: give it, or the code alone is not transient.
    /// </summary>
    public static bool IsTransient(string? code, int? httpStatusCode = null)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        if (code == ClientHttpStatusCodeError)
        {
            return httpStatusCode is { } status && IsTransientHttpStatus(status);
        }

        return IsOrIsUnder(code, RequestLimitExceeded)
            || IsOrIsUnder(code, ResourceUnavailable)
            || IsOrIsUnder(code, ResourceInUse)
            || IsOrIsUnder(code, ServiceUnavailable)
            || IsOrIsUnder(code, InternalError)
            || code == InternalServerError
            || code == UnsupportedOperationMutexOperationTaskRunning
            || code == ClientNetworkError
            || code == ClientResponseParseError;
    }

    /// <summary>
    /// A non-200 answer from Tencent's front door: 408, 429 and 5xx (and anything else that is not a 4xx) may pass;
    /// any other 4xx (400, 413, 431, …) refuses the request itself, which the same request will meet again.
    /// </summary>
    public static bool IsTransientHttpStatus(int httpStatusCode) =>
        httpStatusCode is not (>= 400 and < 500) || httpStatusCode is 408 or 429;

    /// <summary>
    /// True when <paramref name="code"/> equals <paramref name="family"/> or is one of its dotted sub-codes
    /// (<c>IsOrIsUnder("LimitExceeded.VpcPeerAvaLimitExceeded", "LimitExceeded")</c>).
    /// </summary>
    public static bool IsOrIsUnder(string? code, string family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (code is null || !code.StartsWith(family, StringComparison.Ordinal))
        {
            return false;
        }

        return code.Length == family.Length || code[family.Length] == '.';
    }
}
