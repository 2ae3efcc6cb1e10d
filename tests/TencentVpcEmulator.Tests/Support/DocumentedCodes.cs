namespace TencentVpcEmulator.Tests.Support;

/// <summary>
/// The test's own copy of what Tencent documents: each action's error codes (the official Go SDK's per-action lists,
/// tencent-vpc-error-codes-by-action.md) and the common codes (spec §3.2). Written out again here, not read from the
/// emulator, so that a slip in the emulator's table cannot hide itself.
/// </summary>
internal static class DocumentedCodes
{
    public static readonly IReadOnlySet<string> Common = new HashSet<string>(StringComparer.Ordinal)
    {
        "ActionOffline", "AuthFailure.InvalidAuthorization", "AuthFailure.InvalidSecretId", "AuthFailure.MFAFailure",
        "AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.TokenFailure",
        "AuthFailure.UnauthorizedOperation", "DryRunOperation", "FailedOperation", "InternalError", "InvalidAction", "InvalidParameter",
        "InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist", "LimitExceeded", "MissingParameter",
        "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded", "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
        "RequestLimitExceeded.IPLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse",
        "ResourceInsufficient", "ResourceNotFound", "ResourceUnavailable", "ResponseSizeLimitExceeded", "ServiceUnavailable",
        "UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation", "UnsupportedProtocol", "UnsupportedRegion",
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ByAction = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["CreateVpcPeeringConnection"] = Set(
            "InternalError", "InvalidParameter", "InvalidParameterValue", "InvalidParameterValue.Combination", "InvalidParameterValue.DuplicateRegion",
            "InvalidParameterValue.Empty", "InvalidParameterValue.Malformed", "LimitExceeded.VpcPeerAvaLimitExceeded",
            "LimitExceeded.VpcPeerTotalLimitExceeded", "MissingParameter", "ResourceNotFound", "UnauthorizedOperation.VpcPeerCidrConflict",
            "UnsupportedOperation", "UnsupportedOperation.PurchaseLimit", "UnsupportedOperation.VpcPeerAlreadyExist",
            "UnsupportedOperation.VpcPeerCidrConflict"),
        ["AcceptVpcPeeringConnection"] = Set(
            "InternalServerError", "InvalidParameter.Coexist", "InvalidParameterValue.Malformed", "ResourceNotFound",
            "UnsupportedOperation.VpcPeerInvalidStateChange", "UnsupportedOperation.VpcPeerPurviewError"),
        ["RejectVpcPeeringConnection"] = Set(
            "InternalError", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.VpcPeerInvalidStateChange",
            "UnsupportedOperation.VpcPeerPurviewError"),
        ["DeleteVpcPeeringConnection"] = Set(
            "InternalError", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.MutexOperationTaskRunning",
            "UnsupportedOperation.NotSupportDeleteVpcBmPeer", "UnsupportedOperation.VpcPeerPurviewError"),
        ["DescribeVpcPeeringConnections"] = Set(
            "InternalError", "InvalidParameter", "InvalidParameter.Coexist", "InvalidParameter.FilterNotDict", "InvalidParameterValue",
            "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "InvalidParameterValue.Range", "InvalidParameterValue.TooLong",
            "LimitExceeded", "ResourceNotFound", "UnknownParameter"),
        ["ModifyVpcPeeringConnection"] = Set(
            "InternalError", "InvalidParameter", "InvalidParameterValue", "InvalidParameterValue.Combination", "InvalidParameterValue.DuplicateRegion",
            "InvalidParameterValue.Empty", "InvalidParameterValue.Malformed", "LimitExceeded.VpcPeerAvaLimitExceeded",
            "LimitExceeded.VpcPeerTotalLimitExceeded", "MissingParameter", "ResourceNotFound", "UnauthorizedOperation.VpcPeerCidrConflict",
            "UnsupportedOperation", "UnsupportedOperation.PurchaseLimit", "UnsupportedOperation.VpcPeerAlreadyExist",
            "UnsupportedOperation.VpcPeerCidrConflict"),
        ["CreateRoutes"] = Set(
            "InvalidParameterValue", "InvalidParameterValue.CidrNotInPeerVpc", "InvalidParameterValue.Duplicate", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.RouteNextHopInvalid", "InvalidParameterValue.RoutePolicyPriorityConflict", "InvalidParameterValue.SubnetOverlapRoute",
            "InvalidParameterValue.VpcCidrConflict", "InvalidParameterValue.VpcCidrOverlapRoute", "LimitExceeded", "ResourceNotFound",
            "UnknownParameter.WithGuess", "UnsupportedOperation", "UnsupportedOperation.CdcSubnetNotSupportUnLocalGateway",
            "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp", "UnsupportedOperation.EcmpWithCcnRoute",
            "UnsupportedOperation.EcmpWithUserRoute", "UnsupportedOperation.NormalSubnetNotSupportLocalGateway", "UnsupportedOperation.SystemRoute"),
        ["DeleteRoutes"] = Set(
            "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnknownParameter.WithGuess",
            "UnsupportedOperation.DisabledNotifyCcn", "UnsupportedOperation.SystemRoute"),
        ["DescribeRouteTables"] = Set(
            "InternalError.ModuleError", "InvalidParameter.Coexist", "InvalidParameter.FilterInvalidKey", "InvalidParameter.FilterMissParameter",
            "InvalidParameter.FilterNotDict", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.NotUtf8EncodingError", "InvalidParameterValue.Range", "ResourceNotFound", "UnsupportedOperation"),
        ["ReplaceRoutes"] = Set(
            "InvalidParameterValue", "InvalidParameterValue.CidrNotInPeerVpc", "InvalidParameterValue.Duplicate", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.SubnetOverlapRoute", "InvalidParameterValue.VpcCidrConflict", "InvalidParameterValue.VpcCidrOverlapRoute",
            "LimitExceeded", "ResourceNotFound", "UnknownParameter.WithGuess", "UnsupportedOperation",
            "UnsupportedOperation.CdcSubnetNotSupportUnLocalGateway", "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp",
            "UnsupportedOperation.NormalSubnetNotSupportLocalGateway", "UnsupportedOperation.RecordNotExists", "UnsupportedOperation.RoutePvgw2",
            "UnsupportedOperation.SystemRoute"),
        ["EnableRoutes"] = Set(
            "InvalidParameter.Coexist", "InvalidParameterValue.Duplicate", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed",
            "MissingParameter", "ResourceNotFound", "UnsupportedOperation", "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp",
            "UnsupportedOperation.EcmpWithCcnRoute", "UnsupportedOperation.EcmpWithUserRoute", "UnsupportedOperation.SystemRoute"),
        ["DisableRoutes"] = Set(
            "InvalidParameter.Coexist", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "MissingParameter",
            "ResourceNotFound", "UnsupportedOperation", "UnsupportedOperation.DisabledNotifyCcn", "UnsupportedOperation.SystemRoute"),
        ["ReplaceRouteTableAssociation"] = Set("InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.VpcMismatch"),
        ["DescribeVpcs"] = Set(
            "InternalError.ModuleError", "InvalidParameter.Coexist", "InvalidParameter.FilterInvalidKey", "InvalidParameter.FilterNotDict",
            "InvalidParameter.FilterValuesNotList", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.NotUtf8EncodingError", "InvalidParameterValue.Range", "ResourceNotFound", "UnsupportedOperation"),
        ["DescribeSubnets"] = Set(
            "InternalError.ModuleError", "InvalidParameter.Coexist", "InvalidParameter.FilterInvalidKey", "InvalidParameter.FilterNotDict",
            "InvalidParameter.FilterValuesNotList", "InvalidParameterValue.Empty", "InvalidParameterValue.LimitExceeded",
            "InvalidParameterValue.Malformed", "InvalidParameterValue.NotUtf8EncodingError", "InvalidParameterValue.Range", "ResourceNotFound",
            "UnsupportedOperation", "UnsupportedOperation.AppIdMismatch"),
    };

    /// <summary>
    /// What <paramref name="action"/> may answer by itself: its own list, and the common codes whose family its list
    /// does not refine. Where the list names only a sub-code (CreateRoutes: UnknownParameter.WithGuess; DescribeVpcs:
    /// InternalError.ModuleError), the bare common code is not what Tencent documents for that action.
    /// </summary>
    public static bool AllowsAnswer(string action, string code)
    {
        var own = ByAction[action];
        return own.Contains(code) || (Common.Contains(code) && !own.Any(c => c.StartsWith(code + ".", StringComparison.Ordinal)));
    }

    /// <summary>What the fault API may inject for <paramref name="action"/>: its own list or any common code.</summary>
    public static bool AllowsInjection(string action, string code) => ByAction[action].Contains(code) || Common.Contains(code);

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);
}
