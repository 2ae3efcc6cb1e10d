using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// Tencent's quotas as configured ("Tencent:Quotas"), for pre-flight: orchestrators may not read configuration
/// themselves, and the history keeps the values a run planned with. No Tencent call, and no input.
/// </summary>
public sealed class ResolveLimitsActivity(IOptionsMonitor<TencentOptions> options) : TaskActivity<object?, TencentLimits>
{
    public override Task<TencentLimits> RunAsync(TaskActivityContext context, object? input)
    {
        var quotas = options.CurrentValue.Quotas;
        return Task.FromResult(new TencentLimits(quotas.LivePeeringsPerVpc, quotas.RoutesPerRouteTable));
    }
}
