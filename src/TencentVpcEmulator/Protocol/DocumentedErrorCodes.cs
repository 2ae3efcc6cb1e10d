using System.Collections.Frozen;

namespace TencentVpcEmulator.Protocol;

/// <summary>
/// The error codes Tencent documents for each emulated action (the official SDK's per-action lists,
/// tencent-vpc-error-codes-by-action.md) and the platform-wide common codes (spec §3.2). The emulator answers only
/// with these, and the fault API injects only these, so what a client learns here it can meet on Tencent.
/// </summary>
internal static class DocumentedErrorCodes
{
    /// <summary>Spec §3.2: codes any action may answer with, raised by the platform in front of every action.</summary>
    public static readonly FrozenSet<string> Common = FrozenSet.ToFrozenSet(
    [
        "ActionOffline", "AuthFailure.InvalidAuthorization", "AuthFailure.InvalidSecretId", "AuthFailure.MFAFailure",
        "AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.TokenFailure",
        "AuthFailure.UnauthorizedOperation", "DryRunOperation", "FailedOperation", "InternalError", "InvalidAction",
        "InvalidParameter", "InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist", "LimitExceeded",
        "MissingParameter", "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded", "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
        "RequestLimitExceeded.IPLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse",
        "ResourceInsufficient", "ResourceNotFound", "ResourceUnavailable", "ResponseSizeLimitExceeded", "ServiceUnavailable",
        "UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation", "UnsupportedProtocol", "UnsupportedRegion",
    ], StringComparer.Ordinal);

    // Create and Modify share one list in the SDK.
    private static readonly string[] CreateOrModifyPeering =
    [
        "InternalError", "InvalidParameter", "InvalidParameterValue", "InvalidParameterValue.Combination",
        "InvalidParameterValue.DuplicateRegion", "InvalidParameterValue.Empty", "InvalidParameterValue.Malformed",
        "LimitExceeded.VpcPeerAvaLimitExceeded", "LimitExceeded.VpcPeerTotalLimitExceeded", "MissingParameter", "ResourceNotFound",
        "UnauthorizedOperation.VpcPeerCidrConflict", "UnsupportedOperation", "UnsupportedOperation.PurchaseLimit",
        "UnsupportedOperation.VpcPeerAlreadyExist", "UnsupportedOperation.VpcPeerCidrConflict",
    ];

    private static readonly FrozenDictionary<string, FrozenSet<string>> ByAction = new Dictionary<string, string[]>
    {
        ["CreateVpcPeeringConnection"] = CreateOrModifyPeering,
        ["ModifyVpcPeeringConnection"] = CreateOrModifyPeering,
        ["AcceptVpcPeeringConnection"] =
        [
            "InternalServerError", "InvalidParameter.Coexist", "InvalidParameterValue.Malformed", "ResourceNotFound",
            "UnsupportedOperation.VpcPeerInvalidStateChange", "UnsupportedOperation.VpcPeerPurviewError",
        ],
        ["RejectVpcPeeringConnection"] =
        [
            "InternalError", "InvalidParameterValue.Malformed", "ResourceNotFound",
            "UnsupportedOperation.VpcPeerInvalidStateChange", "UnsupportedOperation.VpcPeerPurviewError",
        ],
        ["DeleteVpcPeeringConnection"] =
        [
            "InternalError", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.MutexOperationTaskRunning",
            "UnsupportedOperation.NotSupportDeleteVpcBmPeer", "UnsupportedOperation.VpcPeerPurviewError",
        ],
        ["DescribeVpcPeeringConnections"] =
        [
            "InternalError", "InvalidParameter", "InvalidParameter.Coexist", "InvalidParameter.FilterNotDict", "InvalidParameterValue",
            "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "InvalidParameterValue.Range",
            "InvalidParameterValue.TooLong", "LimitExceeded", "ResourceNotFound", "UnknownParameter",
        ],
        ["CreateRoutes"] =
        [
            "InvalidParameterValue", "InvalidParameterValue.CidrNotInPeerVpc", "InvalidParameterValue.Duplicate",
            "InvalidParameterValue.Malformed", "InvalidParameterValue.RouteNextHopInvalid", "InvalidParameterValue.RoutePolicyPriorityConflict",
            "InvalidParameterValue.SubnetOverlapRoute", "InvalidParameterValue.VpcCidrConflict", "InvalidParameterValue.VpcCidrOverlapRoute",
            "LimitExceeded", "ResourceNotFound", "UnknownParameter.WithGuess", "UnsupportedOperation",
            "UnsupportedOperation.CdcSubnetNotSupportUnLocalGateway", "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp",
            "UnsupportedOperation.EcmpWithCcnRoute", "UnsupportedOperation.EcmpWithUserRoute",
            "UnsupportedOperation.NormalSubnetNotSupportLocalGateway", "UnsupportedOperation.SystemRoute",
        ],
        ["DeleteRoutes"] =
        [
            "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnknownParameter.WithGuess",
            "UnsupportedOperation.DisabledNotifyCcn", "UnsupportedOperation.SystemRoute",
        ],
        ["ReplaceRoutes"] =
        [
            "InvalidParameterValue", "InvalidParameterValue.CidrNotInPeerVpc", "InvalidParameterValue.Duplicate",
            "InvalidParameterValue.Malformed", "InvalidParameterValue.SubnetOverlapRoute", "InvalidParameterValue.VpcCidrConflict",
            "InvalidParameterValue.VpcCidrOverlapRoute", "LimitExceeded", "ResourceNotFound", "UnknownParameter.WithGuess",
            "UnsupportedOperation", "UnsupportedOperation.CdcSubnetNotSupportUnLocalGateway", "UnsupportedOperation.ConflictWithDockerRoute",
            "UnsupportedOperation.Ecmp", "UnsupportedOperation.NormalSubnetNotSupportLocalGateway", "UnsupportedOperation.RecordNotExists",
            "UnsupportedOperation.RoutePvgw2", "UnsupportedOperation.SystemRoute",
        ],
        ["EnableRoutes"] =
        [
            "InvalidParameter.Coexist", "InvalidParameterValue.Duplicate", "InvalidParameterValue.LimitExceeded",
            "InvalidParameterValue.Malformed", "MissingParameter", "ResourceNotFound", "UnsupportedOperation",
            "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp", "UnsupportedOperation.EcmpWithCcnRoute",
            "UnsupportedOperation.EcmpWithUserRoute", "UnsupportedOperation.SystemRoute",
        ],
        ["DisableRoutes"] =
        [
            "InvalidParameter.Coexist", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "MissingParameter",
            "ResourceNotFound", "UnsupportedOperation", "UnsupportedOperation.DisabledNotifyCcn", "UnsupportedOperation.SystemRoute",
        ],
        ["DescribeRouteTables"] =
        [
            "InternalError.ModuleError", "InvalidParameter.Coexist", "InvalidParameter.FilterInvalidKey", "InvalidParameter.FilterMissParameter",
            "InvalidParameter.FilterNotDict", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.NotUtf8EncodingError", "InvalidParameterValue.Range", "ResourceNotFound", "UnsupportedOperation",
        ],
        ["ReplaceRouteTableAssociation"] = ["InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.VpcMismatch"],
        ["DescribeVpcs"] =
        [
            "InternalError.ModuleError", "InvalidParameter.Coexist", "InvalidParameter.FilterInvalidKey", "InvalidParameter.FilterNotDict",
            "InvalidParameter.FilterValuesNotList", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.NotUtf8EncodingError", "InvalidParameterValue.Range", "ResourceNotFound", "UnsupportedOperation",
        ],
        ["DescribeSubnets"] =
        [
            "InternalError.ModuleError", "InvalidParameter.Coexist", "InvalidParameter.FilterInvalidKey", "InvalidParameter.FilterNotDict",
            "InvalidParameter.FilterValuesNotList", "InvalidParameterValue.Empty", "InvalidParameterValue.LimitExceeded",
            "InvalidParameterValue.Malformed", "InvalidParameterValue.NotUtf8EncodingError", "InvalidParameterValue.Range", "ResourceNotFound",
            "UnsupportedOperation", "UnsupportedOperation.AppIdMismatch",
        ],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The codes documented for <paramref name="action"/> itself (empty for an action we do not know).</summary>
    public static FrozenSet<string> For(string action) =>
        ByAction.TryGetValue(action, out var codes) ? codes : FrozenSet<string>.Empty;

    /// <summary>True when <paramref name="action"/> may answer <paramref name="code"/>: its own list or a common code.</summary>
    public static bool Allows(string action, string code) => Common.Contains(code) || For(action).Contains(code);
}
