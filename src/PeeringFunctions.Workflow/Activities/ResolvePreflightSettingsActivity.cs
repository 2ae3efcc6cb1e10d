using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>Whose settings pre-flight needs: the initiator's, and the receiver's when it is one of ours.</summary>
/// <param name="ResolveReceiverUin">True for a managed receiver: its UIN comes from configuration (an external one gives it).</param>
public sealed record PreflightSettingsLookup(string InitiatorAccount, string? ReceiverAccount, bool ResolveReceiverUin);

/// <summary>What configuration says for one peering: the receiver's UIN, Tencent's quotas, and whether an outcome notice goes anywhere.</summary>
/// <param name="OutcomeDelivered">False when neither side has a channel for the outcome: the run then schedules no notice.</param>
public sealed record PreflightSettings(string? ReceiverUin, TencentLimits Limits, bool OutcomeDelivered);

/// <summary>
/// Everything pre-flight reads from configuration in one activity (from orchestration version 6.0; before, the UIN and
/// the quotas were an activity each and the outcome notice was always scheduled). Orchestrators may not read
/// configuration themselves; the history keeps what a run planned with. No Tencent call.
/// </summary>
public sealed class ResolvePreflightSettingsActivity(
    ITencentClientFactory clients, IOptionsMonitor<TencentOptions> options, IPeeringNotifier notifier)
    : TaskActivity<PreflightSettingsLookup, PreflightSettings>
{
    public override Task<PreflightSettings> RunAsync(TaskActivityContext context, PreflightSettingsLookup input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var uin = input.ResolveReceiverUin ? UinOf(input.ReceiverAccount) : null;
        var quotas = options.CurrentValue.Quotas;
        var delivered = notifier.DeliversOutcomeTo(input.InitiatorAccount)
            || (input.ReceiverAccount is { } receiver && notifier.DeliversOutcomeTo(receiver));
        return Task.FromResult(new PreflightSettings(uin, new TencentLimits(quotas.LivePeeringsPerVpc, quotas.RoutesPerRouteTable), delivered));
    }

    private string UinOf(string? account) =>
        account is not null && clients.UinOf(account) is { Length: > 0 } uin ? uin : throw new UnknownAccountException(account ?? "(none)");
}
