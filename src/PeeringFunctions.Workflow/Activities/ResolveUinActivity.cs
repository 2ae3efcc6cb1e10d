using Microsoft.DurableTask;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// The UIN of a managed account, from configuration (orchestrators may not read configuration themselves).
/// No Tencent call.
/// </summary>
public sealed class ResolveUinActivity(ITencentClientFactory clients) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string account) =>
        Task.FromResult(clients.UinOf(account) is { Length: > 0 } uin ? uin : throw new UnknownAccountException(account));
}
