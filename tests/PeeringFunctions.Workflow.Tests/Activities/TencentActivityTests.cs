using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Workflow.Tests.Activities;

/// <summary>An activity's failure is retried exactly when the client calls the error transient: one classification.</summary>
public sealed class TencentActivityTests
{
    [Theory]
    [InlineData("RequestLimitExceeded", true)]
    [InlineData("InternalError", true)]
    [InlineData("InternalError.ModuleError", true)]
    [InlineData("InternalServerError", true)]
    [InlineData("ResourceUnavailable", true)]
    [InlineData("UnsupportedOperation.MutexOperationTaskRunning", true)]
    [InlineData("UnsupportedOperation.VpcPeerPurviewError", false)]
    [InlineData("InvalidParameterValue.Malformed", false)]
    [InlineData("LimitExceeded.VpcPeerTotalLimitExceeded", false)]
    [InlineData("ResourceNotFound", false)]
    public async Task A_tencent_error_becomes_a_transient_failure_exactly_when_the_client_calls_it_transient(string code, bool transient)
    {
        var error = new TencentCloudSDKException(code, "m", "req-1", TencentErrorKind.Api, 200, "CreateRoutes");
        Assert.Equal(transient, error.IsTransient);

        var thrown = await Assert.ThrowsAnyAsync<TencentCallException>(() => new FailingActivity(error).RunAsync(null!, "input"));

        Assert.Equal(transient, thrown is TransientTencentCallException);
        Assert.Equal(code, thrown.Code);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    public async Task An_http_error_is_retried_by_its_status(int status, bool transient)
    {
        var error = new TencentCloudSDKException(TencentErrorCodes.ClientHttpStatusCodeError, $"HTTP {status}", null, TencentErrorKind.Http, status, "DescribeVpcs");

        var thrown = await Assert.ThrowsAnyAsync<TencentCallException>(() => new FailingActivity(error).RunAsync(null!, "input"));

        Assert.Equal(transient, thrown is TransientTencentCallException);
    }

    private sealed class FailingActivity(TencentCloudSDKException error) : TencentActivity<string, string>(null!)
    {
        protected override Task<string> ExecuteAsync(string input) => throw error;
    }
}
