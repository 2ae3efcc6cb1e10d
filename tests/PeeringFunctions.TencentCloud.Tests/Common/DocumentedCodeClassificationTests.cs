using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Tests.Common;

/// <summary>
/// Every error code Tencent documents for an action the client calls (the official SDK's per-action lists,
/// tencent-vpc-error-codes-by-action.md) and every common code (spec §3.2), each classified as spec table 3.3 says:
/// transient exactly for throttling, busy or unavailable resources, internal errors and a running mutex task.
/// </summary>
public sealed class DocumentedCodeClassificationTests
{
    /// <summary>Spec table 3.3's "yes" rows, as they appear among the documented codes.</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestLimitExceeded", "RequestLimitExceeded.GlobalRegionUinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded",
        "RequestLimitExceeded.UinLimitExceeded", "ResourceInUse", "ResourceUnavailable", "ServiceUnavailable",
        "InternalError", "InternalError.ModuleError", "InternalServerError", "UnsupportedOperation.MutexOperationTaskRunning",
    };

    private static readonly string[] Common =
    [
        "ActionOffline", "AuthFailure.InvalidAuthorization", "AuthFailure.InvalidSecretId", "AuthFailure.MFAFailure",
        "AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.TokenFailure",
        "AuthFailure.UnauthorizedOperation", "DryRunOperation", "FailedOperation", "InternalError", "InvalidAction", "InvalidParameter",
        "InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist", "LimitExceeded", "MissingParameter",
        "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded", "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
        "RequestLimitExceeded.IPLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse",
        "ResourceInsufficient", "ResourceNotFound", "ResourceUnavailable", "ResponseSizeLimitExceeded", "ServiceUnavailable",
        "UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation", "UnsupportedProtocol", "UnsupportedRegion",
    ];

    /// <summary>The actions <c>IVpcClient</c> has, with the codes documented for each.</summary>
    private static readonly Dictionary<string, string[]> ByAction = new(StringComparer.Ordinal)
    {
        ["CreateVpcPeeringConnection"] =
        [
            "InternalError", "InvalidParameter", "InvalidParameterValue", "InvalidParameterValue.Combination", "InvalidParameterValue.DuplicateRegion",
            "InvalidParameterValue.Empty", "InvalidParameterValue.Malformed", "LimitExceeded.VpcPeerAvaLimitExceeded",
            "LimitExceeded.VpcPeerTotalLimitExceeded", "MissingParameter", "ResourceNotFound", "UnauthorizedOperation.VpcPeerCidrConflict",
            "UnsupportedOperation", "UnsupportedOperation.PurchaseLimit", "UnsupportedOperation.VpcPeerAlreadyExist",
            "UnsupportedOperation.VpcPeerCidrConflict",
        ],
        ["AcceptVpcPeeringConnection"] =
        [
            "InternalServerError", "InvalidParameter.Coexist", "InvalidParameterValue.Malformed", "ResourceNotFound",
            "UnsupportedOperation.VpcPeerInvalidStateChange", "UnsupportedOperation.VpcPeerPurviewError",
        ],
        ["RejectVpcPeeringConnection"] =
        [
            "InternalError", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.VpcPeerInvalidStateChange",
            "UnsupportedOperation.VpcPeerPurviewError",
        ],
        ["DeleteVpcPeeringConnection"] =
        [
            "InternalError", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.MutexOperationTaskRunning",
            "UnsupportedOperation.NotSupportDeleteVpcBmPeer", "UnsupportedOperation.VpcPeerPurviewError",
        ],
        ["DescribeVpcPeeringConnections"] =
        [
            "InternalError", "InvalidParameter", "InvalidParameter.Coexist", "InvalidParameter.FilterNotDict", "InvalidParameterValue",
            "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "InvalidParameterValue.Range", "InvalidParameterValue.TooLong",
            "LimitExceeded", "ResourceNotFound", "UnknownParameter",
        ],
        ["CreateRoutes"] =
        [
            "InvalidParameterValue", "InvalidParameterValue.CidrNotInPeerVpc", "InvalidParameterValue.Duplicate", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.RouteNextHopInvalid", "InvalidParameterValue.RoutePolicyPriorityConflict", "InvalidParameterValue.SubnetOverlapRoute",
            "InvalidParameterValue.VpcCidrConflict", "InvalidParameterValue.VpcCidrOverlapRoute", "LimitExceeded", "ResourceNotFound",
            "UnknownParameter.WithGuess", "UnsupportedOperation", "UnsupportedOperation.CdcSubnetNotSupportUnLocalGateway",
            "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp", "UnsupportedOperation.EcmpWithCcnRoute",
            "UnsupportedOperation.EcmpWithUserRoute", "UnsupportedOperation.NormalSubnetNotSupportLocalGateway", "UnsupportedOperation.SystemRoute",
        ],
        ["DeleteRoutes"] =
        [
            "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "ResourceNotFound", "UnknownParameter.WithGuess",
            "UnsupportedOperation.DisabledNotifyCcn", "UnsupportedOperation.SystemRoute",
        ],
        ["DescribeRouteTables"] =
        [
            "InternalError.ModuleError", "InvalidParameter.Coexist", "InvalidParameter.FilterInvalidKey", "InvalidParameter.FilterMissParameter",
            "InvalidParameter.FilterNotDict", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.NotUtf8EncodingError", "InvalidParameterValue.Range", "ResourceNotFound", "UnsupportedOperation",
        ],
        ["ReplaceRouteTableAssociation"] = ["InvalidParameterValue.Malformed", "ResourceNotFound", "UnsupportedOperation.VpcMismatch"],
        ["ModifyVpcPeeringConnection"] =
        [
            "InternalError", "InvalidParameter", "InvalidParameterValue", "InvalidParameterValue.Combination", "InvalidParameterValue.DuplicateRegion",
            "InvalidParameterValue.Empty", "InvalidParameterValue.Malformed", "LimitExceeded.VpcPeerAvaLimitExceeded",
            "LimitExceeded.VpcPeerTotalLimitExceeded", "MissingParameter", "ResourceNotFound", "UnauthorizedOperation.VpcPeerCidrConflict",
            "UnsupportedOperation", "UnsupportedOperation.PurchaseLimit", "UnsupportedOperation.VpcPeerAlreadyExist",
            "UnsupportedOperation.VpcPeerCidrConflict",
        ],
        ["ReplaceRoutes"] =
        [
            "InvalidParameterValue", "InvalidParameterValue.CidrNotInPeerVpc", "InvalidParameterValue.Duplicate", "InvalidParameterValue.Malformed",
            "InvalidParameterValue.SubnetOverlapRoute", "InvalidParameterValue.VpcCidrConflict", "InvalidParameterValue.VpcCidrOverlapRoute",
            "LimitExceeded", "ResourceNotFound", "UnknownParameter.WithGuess", "UnsupportedOperation",
            "UnsupportedOperation.CdcSubnetNotSupportUnLocalGateway", "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp",
            "UnsupportedOperation.NormalSubnetNotSupportLocalGateway", "UnsupportedOperation.RecordNotExists", "UnsupportedOperation.RoutePvgw2",
            "UnsupportedOperation.SystemRoute",
        ],
        ["EnableRoutes"] =
        [
            "InvalidParameter.Coexist", "InvalidParameterValue.Duplicate", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed",
            "MissingParameter", "ResourceNotFound", "UnsupportedOperation", "UnsupportedOperation.ConflictWithDockerRoute", "UnsupportedOperation.Ecmp",
            "UnsupportedOperation.EcmpWithCcnRoute", "UnsupportedOperation.EcmpWithUserRoute", "UnsupportedOperation.SystemRoute",
        ],
        ["DisableRoutes"] =
        [
            "InvalidParameter.Coexist", "InvalidParameterValue.LimitExceeded", "InvalidParameterValue.Malformed", "MissingParameter",
            "ResourceNotFound", "UnsupportedOperation", "UnsupportedOperation.DisabledNotifyCcn", "UnsupportedOperation.SystemRoute",
        ],
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
    };

    public static TheoryData<string, string> DocumentedCodes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (action, codes) in ByAction)
        {
            foreach (var code in codes)
            {
                data.Add(action, code);
            }
        }

        foreach (var code in Common)
        {
            data.Add("(common)", code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public void Each_documented_code_is_transient_exactly_when_spec_table_3_3_says_so(string action, string code)
    {
        var expected = Transient.Contains(code);

        Assert.True(expected == TencentErrorCodes.IsTransient(code), $"{action} {code}: expected {(expected ? "transient" : "permanent")}");

        // The exception a call raises agrees with the table (an API error is HTTP 200).
        Assert.Equal(expected, new TencentCloudSDKException(code, "m", "req", TencentErrorKind.Api, 200, action).IsTransient);
    }

    [Fact]
    public void The_table_covers_every_action_the_client_calls()
    {
        var clientActions = typeof(Vpc.V20170312.IVpcClient).GetMethods().Select(m => m.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        Assert.Equal(clientActions, ByAction.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_transient_code_of_the_table_is_documented_somewhere()
    {
        var documented = ByAction.Values.SelectMany(c => c).Concat(Common).ToHashSet(StringComparer.Ordinal);

        Assert.All(Transient, code => Assert.Contains(code, documented));
    }
}
