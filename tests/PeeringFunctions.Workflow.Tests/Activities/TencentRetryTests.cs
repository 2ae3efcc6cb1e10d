using Microsoft.DurableTask;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Tests.Fakes;

namespace PeeringFunctions.Workflow.Tests.Activities;

public sealed class TencentRetryTests
{
    [Fact]
    public void A_transient_Tencent_failure_is_retried()
    {
        Assert.True(TencentRetry.IsTransient(ActivityFailures.Details("CreateRoutes: [RequestLimitExceeded] slow down", transient: true)));
    }

    [Fact]
    public void A_permanent_Tencent_failure_is_not_retried()
    {
        Assert.False(TencentRetry.IsTransient(ActivityFailures.Details("CreateRoutes: [InvalidParameterValue.Duplicate] dup")));
    }

    [Theory]
    [InlineData("System.InvalidOperationException")]
    [InlineData("PeeringFunctions.TencentAccess.Accounts.UnknownAccountException")]
    [InlineData("TransientTencentCallException")]
    public void Any_other_failure_type_is_not_retried(string errorType)
    {
        Assert.False(TencentRetry.IsTransient(new TaskFailureDetails(errorType, "boom", null, null, null)));
    }

    [Fact]
    public void A_transient_failure_nested_as_an_inner_failure_is_retried()
    {
        var inner = ActivityFailures.Details("DeleteRoutes: [ResourceUnavailable] busy", transient: true);
        var middle = new TaskFailureDetails("System.AggregateException", "One or more errors occurred.", null, inner, null);
        var outer = new TaskFailureDetails("System.InvalidOperationException", "wrapped", null, middle, null);

        Assert.True(TencentRetry.IsTransient(outer));
    }

    [Fact]
    public void Nested_permanent_failures_are_not_retried()
    {
        var inner = ActivityFailures.Details("CreateRoutes: [InvalidParameterValue] bad");
        var outer = new TaskFailureDetails("System.AggregateException", "One or more errors occurred.", null, inner, null);

        Assert.False(TencentRetry.IsTransient(outer));
    }

    [Fact]
    public void The_retry_policy_backs_off_exponentially_for_at_most_six_attempts()
    {
        var policy = TencentRetry.Options.Retry?.Policy;

        Assert.NotNull(policy);
        Assert.Equal(10, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.FirstRetryInterval);
        Assert.Equal(2, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.MaxRetryInterval);
    }
}
