namespace TencentVpcEmulator;

/// <summary>Counts for one slice of calls (all, one action, one account, or one account's action).</summary>
public sealed record CallCounts(long Total, long Writes, long Errors, long Throttled, long FaultsInjected, long RepliesDropped);

/// <summary>
/// What GET /_emulator/calls returns: totals plus breakdowns by action, by account and by account+action.
/// Writes count every call to a write action (successful or not); Errors every reply carrying Response.Error,
/// including throttled and injected ones. Unauthenticated calls are filed under account "(unauthenticated)".
/// </summary>
public sealed record CallStatistics(
    CallCounts Totals,
    IReadOnlyDictionary<string, CallCounts> ByAction,
    IReadOnlyDictionary<string, CallCounts> ByAccount,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, CallCounts>> ByAccountAndAction)
{
    public CallCounts ForAction(string action) => ByAction.TryGetValue(action, out var c) ? c : new CallCounts(0, 0, 0, 0, 0, 0);

    public CallCounts ForAccount(string account) => ByAccount.TryGetValue(account, out var c) ? c : new CallCounts(0, 0, 0, 0, 0, 0);
}
