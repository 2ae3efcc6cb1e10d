namespace TencentVpcEmulator.Protocol;

/// <summary>
/// The Tencent error codes the emulator can return (spec §3.2 and the per-action lists in §4). Which ones an action may
/// use is <see cref="DocumentedErrorCodes"/>'s business.
/// </summary>
internal static class ErrorCodes
{
    public const string AuthFailureInvalidAuthorization = "AuthFailure.InvalidAuthorization";
    public const string AuthFailureSecretIdNotFound = "AuthFailure.SecretIdNotFound";
    public const string AuthFailureSignatureExpire = "AuthFailure.SignatureExpire";
    public const string AuthFailureSignatureFailure = "AuthFailure.SignatureFailure";
    public const string AuthFailureTokenFailure = "AuthFailure.TokenFailure";

    public const string InternalError = "InternalError";
    public const string InternalErrorModuleError = "InternalError.ModuleError";
    public const string InternalServerError = "InternalServerError";
    public const string InvalidAction = "InvalidAction";
    public const string NoSuchVersion = "NoSuchVersion";
    public const string MissingParameter = "MissingParameter";
    public const string UnknownParameter = "UnknownParameter";
    public const string UnknownParameterWithGuess = "UnknownParameter.WithGuess";
    public const string UnsupportedProtocol = "UnsupportedProtocol";
    public const string UnsupportedRegion = "UnsupportedRegion";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
    public const string RequestSizeLimitExceeded = "RequestSizeLimitExceeded";
    public const string ResourceNotFound = "ResourceNotFound";

    public const string InvalidParameter = "InvalidParameter";
    public const string InvalidParameterCoexist = "InvalidParameter.Coexist";
    public const string InvalidParameterFilterInvalidKey = "InvalidParameter.FilterInvalidKey";
    public const string InvalidParameterFilterMissParameter = "InvalidParameter.FilterMissParameter";
    public const string InvalidParameterFilterNotDict = "InvalidParameter.FilterNotDict";
    public const string InvalidParameterFilterValuesNotList = "InvalidParameter.FilterValuesNotList";

    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string InvalidParameterValueMalformed = "InvalidParameterValue.Malformed";
    public const string InvalidParameterValueLimitExceeded = "InvalidParameterValue.LimitExceeded";
    public const string InvalidParameterValueRange = "InvalidParameterValue.Range";
    public const string InvalidParameterValueEmpty = "InvalidParameterValue.Empty";
    public const string InvalidParameterValueDuplicate = "InvalidParameterValue.Duplicate";
    public const string InvalidParameterValueCidrNotInPeerVpc = "InvalidParameterValue.CidrNotInPeerVpc";
    public const string InvalidParameterValueRouteNextHopInvalid = "InvalidParameterValue.RouteNextHopInvalid";
    public const string InvalidParameterValueSubnetOverlapRoute = "InvalidParameterValue.SubnetOverlapRoute";
    public const string InvalidParameterValueVpcCidrConflict = "InvalidParameterValue.VpcCidrConflict";
    public const string InvalidParameterValueVpcCidrOverlapRoute = "InvalidParameterValue.VpcCidrOverlapRoute";
    public const string InvalidParameterValueCombination = "InvalidParameterValue.Combination";


    public const string LimitExceeded = "LimitExceeded";
    public const string LimitExceededVpcPeerAvaLimitExceeded = "LimitExceeded.VpcPeerAvaLimitExceeded";

    public const string UnauthorizedOperationVpcPeerCidrConflict = "UnauthorizedOperation.VpcPeerCidrConflict";

    public const string UnsupportedOperation = "UnsupportedOperation";
    public const string UnsupportedOperationEcmp = "UnsupportedOperation.Ecmp";
    public const string UnsupportedOperationRecordNotExists = "UnsupportedOperation.RecordNotExists";
    public const string UnsupportedOperationVpcPeerCidrConflict = "UnsupportedOperation.VpcPeerCidrConflict";
    public const string UnsupportedOperationVpcPeerAlreadyExist = "UnsupportedOperation.VpcPeerAlreadyExist";
    public const string UnsupportedOperationVpcPeerPurviewError = "UnsupportedOperation.VpcPeerPurviewError";
    public const string UnsupportedOperationVpcPeerInvalidStateChange = "UnsupportedOperation.VpcPeerInvalidStateChange";
    public const string UnsupportedOperationEcmpWithUserRoute = "UnsupportedOperation.EcmpWithUserRoute";
    public const string UnsupportedOperationVpcMismatch = "UnsupportedOperation.VpcMismatch";
    public const string UnsupportedOperationSystemRoute = "UnsupportedOperation.SystemRoute";
    public const string UnsupportedOperationMutexOperationTaskRunning = "UnsupportedOperation.MutexOperationTaskRunning";
}
