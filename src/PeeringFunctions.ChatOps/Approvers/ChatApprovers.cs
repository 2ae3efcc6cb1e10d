using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps.Commands;

namespace PeeringFunctions.ChatOps.Approvers;

/// <summary>
/// The allow-list: ChatOps:Approvers:{account} = ["slack:U2CERLKJA", "wecom:ChenJiaShun", "teams:29:1abc"]. A chat
/// user may decide for an account only when one of its identities is on that account's list. WeCom user ids are
/// case-insensitive (as WeCom treats them); Slack and Teams ids are compared exactly.
/// </summary>
public sealed class ChatApprovers(IOptionsMonitor<ChatOpsOptions> options)
{
    public bool IsApprover(string? account, ChatUser user)
    {
        if (string.IsNullOrEmpty(account) || !options.CurrentValue.Approvers.TryGetValue(account, out var entries))
        {
            return false;
        }

        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !entry.AsSpan(0, colon).Trim().Equals(user.Platform, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var id = entry[(colon + 1)..].Trim();
            var comparison = user.Platform == ChatPlatforms.WeCom ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (id.Length > 0 && user.Identities.Any(identity => string.Equals(id, identity, comparison)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the user approves for at least one account.</summary>
    public bool IsApproverOfAny(ChatUser user) => options.CurrentValue.Approvers.Keys.Any(account => IsApprover(account, user));
}
