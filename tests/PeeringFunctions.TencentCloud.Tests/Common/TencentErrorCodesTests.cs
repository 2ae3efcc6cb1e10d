using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Tests.Common;

public sealed class TencentErrorCodesTests
{
    [Theory]
    [InlineData("RequestLimitExceeded")]
    [InlineData("RequestLimitExceeded.UinLimitExceeded")]
    [InlineData("RequestLimitExceeded.IPLimitExceeded")]
    [InlineData("RequestLimitExceeded.GlobalRegionUinLimitExceeded")]
    [InlineData("ResourceUnavailable")]
    [InlineData("ResourceUnavailable.SomethingNew")]
    [InlineData("ResourceInUse")]
    [InlineData("ResourceInUse.Subnet")]
    [InlineData("ServiceUnavailable")]
    [InlineData("UnsupportedOperation.MutexOperationTaskRunning")]
    [InlineData("InternalError")]
    [InlineData("InternalError.ModuleError")]
    [InlineData("InternalServerError")]
    [InlineData("ClientError.NetworkError")]
    [InlineData("ClientError.ResponseParseError")]
    public void Transient_codes_per_spec_table_3_3(string code)
    {
        Assert.True(TencentErrorCodes.IsTransient(code));
    }

    [Theory]
    [InlineData("AuthFailure.SignatureFailure")]
    [InlineData("AuthFailure.SignatureExpire")]
    [InlineData("UnauthorizedOperation.VpcPeerCidrConflict")]
    [InlineData("InvalidParameter")]
    [InlineData("InvalidParameterValue.Malformed")]
    [InlineData("InvalidParameterValue.Duplicate")]
    [InlineData("MissingParameter")]
    [InlineData("UnknownParameter")]
    [InlineData("LimitExceeded.VpcPeerAvaLimitExceeded")]
    [InlineData("UnsupportedOperation.VpcPeerAlreadyExist")]
    [InlineData("UnsupportedOperation.VpcPeerInvalidStateChange")]
    [InlineData("UnsupportedOperation")]
    [InlineData("InvalidAction")]
    [InlineData("NoSuchVersion")]
    [InlineData("ResourceNotFound")]
    [InlineData("RequestLimitExceededButNotReally")]
    [InlineData("")]
    [InlineData(null)]
    public void Permanent_codes_are_not_transient(string? code)
    {
        Assert.False(TencentErrorCodes.IsTransient(code));
    }

    [Fact]
    public void Constants_hold_the_exact_Tencent_spelling()
    {
        Assert.Equal("UnsupportedOperation.VpcPeerAlreadyExist", TencentErrorCodes.UnsupportedOperationVpcPeerAlreadyExist);
        Assert.Equal("UnsupportedOperation.VpcPeerCidrConflict", TencentErrorCodes.UnsupportedOperationVpcPeerCidrConflict);
        Assert.Equal("UnauthorizedOperation.VpcPeerCidrConflict", TencentErrorCodes.UnauthorizedOperationVpcPeerCidrConflict);
        Assert.Equal("InvalidParameterValue.CidrNotInPeerVpc", TencentErrorCodes.InvalidParameterValueCidrNotInPeerVpc);
        Assert.Equal("LimitExceeded.VpcPeerTotalLimitExceeded", TencentErrorCodes.LimitExceededVpcPeerTotalLimitExceeded);
        Assert.Equal("UnsupportedOperation.EcmpWithUserRoute", TencentErrorCodes.UnsupportedOperationEcmpWithUserRoute);
        Assert.Equal("AuthFailure.SecretIdNotFound", TencentErrorCodes.AuthFailureSecretIdNotFound);
    }

    [Theory]
    [InlineData("LimitExceeded.VpcPeerAvaLimitExceeded", "LimitExceeded", true)]
    [InlineData("LimitExceeded", "LimitExceeded", true)]
    [InlineData("LimitExceededX", "LimitExceeded", false)]
    [InlineData(null, "LimitExceeded", false)]
    public void IsOrIsUnder_matches_a_code_family_on_dot_boundaries(string? code, string family, bool expected)
    {
        Assert.Equal(expected, TencentErrorCodes.IsOrIsUnder(code, family));
    }

    [Fact]
    public void Exception_transience_follows_kind_and_code()
    {
        Assert.True(new TencentCloudSDKException("x", "m", kind: TencentErrorKind.Network).IsTransient);
        Assert.True(new TencentCloudSDKException(TencentErrorCodes.ClientHttpStatusCodeError, "m", kind: TencentErrorKind.Http, httpStatusCode: 502).IsTransient);
        Assert.False(new TencentCloudSDKException("ResourceNotFound", "m").IsTransient);
        Assert.True(new TencentCloudSDKException("ResourceInUse", "m").IsTransient);
    }

    [Theory]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(413, false)]
    [InlineData(431, false)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    public void An_http_status_error_is_transient_by_its_status_for_the_code_table_and_the_exception_alike(int status, bool transient)
    {
        var error = new TencentCloudSDKException(TencentErrorCodes.ClientHttpStatusCodeError, "m", kind: TencentErrorKind.Http, httpStatusCode: status);

        Assert.Equal(transient, TencentErrorCodes.IsTransient(TencentErrorCodes.ClientHttpStatusCodeError, status));
        Assert.Equal(transient, TencentErrorCodes.IsTransientHttpStatus(status));
        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public void An_http_status_error_without_its_status_is_not_called_transient()
    {
        // The code alone cannot tell a 503 from a 400; the exception always carries the status.
        Assert.False(TencentErrorCodes.IsTransient(TencentErrorCodes.ClientHttpStatusCodeError));
    }
}
