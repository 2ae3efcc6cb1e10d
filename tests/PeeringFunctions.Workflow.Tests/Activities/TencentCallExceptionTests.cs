using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Workflow.Tests.Activities;

public sealed class TencentCallExceptionTests
{
    [Theory]
    [InlineData("CreateRoutes: [InvalidParameterValue.RouteNextHopInvalid] some message (RequestId abc)", "InvalidParameterValue.RouteNextHopInvalid")]
    [InlineData("AcceptVpcPeeringConnection: [UnsupportedOperation.VpcPeerPurviewError] No permission.", "UnsupportedOperation.VpcPeerPurviewError")]
    [InlineData("DeleteRoutes: [RequestLimitExceeded] text with [brackets] inside (RequestId r)", "RequestLimitExceeded")]
    public void CodeOf_reads_the_Tencent_code_back_out_of_a_persisted_message(string message, string code)
    {
        Assert.Equal(code, TencentCallException.CodeOf(message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Object reference not set to an instance of an object.")]
    [InlineData("CreateRoutes: [unterminated")]
    [InlineData("[NoActionPrefix] message")]
    public void CodeOf_is_null_for_a_message_that_is_not_ours(string? message)
    {
        Assert.Null(TencentCallException.CodeOf(message));
    }

    [Fact]
    public void The_message_has_the_fixed_form_that_CodeOf_reads()
    {
        var withRequestId = new TencentCallException("CreateRoutes", "InvalidParameterValue.Duplicate", "Duplicate route.", "5b1c");
        var withoutRequestId = new TencentCallException("CreateRoutes", "InvalidParameterValue.Duplicate", "Duplicate route.", null);

        Assert.Equal("CreateRoutes: [InvalidParameterValue.Duplicate] Duplicate route. (RequestId 5b1c)", withRequestId.Message);
        Assert.Equal("CreateRoutes: [InvalidParameterValue.Duplicate] Duplicate route.", withoutRequestId.Message);
        Assert.Equal(("InvalidParameterValue.Duplicate", "5b1c"), (withRequestId.Code, withRequestId.RequestId));
        Assert.Equal(withRequestId.Code, TencentCallException.CodeOf(withRequestId.Message));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void From_makes_a_retryable_failure_transient_and_any_other_permanent(bool retryable)
    {
        var sdkError = new TencentCloudSDKException("ResourceInUse", "The route table is busy.", "r-1", TencentErrorKind.Api, 200, "CreateRoutes");

        var error = TencentCallException.From(sdkError, "CreateRoutes", retryable);

        Assert.Equal(retryable, error is TransientTencentCallException);
        Assert.Equal(("ResourceInUse", "r-1"), (error.Code, error.RequestId));
        Assert.Equal("ResourceInUse", TencentCallException.CodeOf(error.Message));
    }

    [Fact]
    public void From_persists_Tencents_code_message_and_request_id_once()
    {
        var sdkError = new TencentCloudSDKException(
            "InvalidParameterValue.RouteNextHopInvalid", "The next hop is invalid.", "5b1c", TencentErrorKind.Api, 200, "CreateRoutes");

        var error = TencentCallException.From(sdkError, "CreateRoutes", retryable: false);

        Assert.Equal("CreateRoutes: [InvalidParameterValue.RouteNextHopInvalid] The next hop is invalid. (RequestId 5b1c)", error.Message);
    }
}
