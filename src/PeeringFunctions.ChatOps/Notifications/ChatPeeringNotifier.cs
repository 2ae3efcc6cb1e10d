using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Http;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.ChatOps.Teams;
using PeeringFunctions.ChatOps.WeCom;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Notifications;

/// <summary>
/// Posts a peering's notifications to the chat channels configured per account (ChatOps:Channels:{account}): the
/// receiver is asked to decide (Slack buttons, a WeCom card, a Teams card, plus the HTTP accept link), the initiator
/// hears progress and the outcome. All channels are posted in parallel through the resilient "chatops" client; a
/// failure is logged without the URL and swallowed.
/// </summary>
public sealed class ChatPeeringNotifier(
    IOptionsMonitor<ChatOpsOptions> options,
    PortalLinks links,
    ChatPoster poster,
    ILogger<ChatPeeringNotifier> logger,
    ApprovalLinks? approvalLinks = null) : IPeeringChatNotifier
{
    public async Task NotifyReceiverAsync(NotifyReceiverInput notice, CancellationToken cancellationToken)
    {
        var status = links.Status(notice.InstanceId);
        var deadline = $"{notice.AcceptanceDeadline:yyyy-MM-dd HH:mm} UTC";
        var pcx = notice.PeeringConnectionId;
        var sends = new List<(string Account, ChatNotice Notice)>();
        if (notice.ReceiverAccount is { } receiver)
        {
            sends.Add((receiver, new ChatNotice(
                $"Peering request for {receiver}",
                [
                    $"“{notice.Name}”: {notice.InitiatorAccount} asks to peer with a VPC of {receiver} ({pcx}).",
                    $"Decide by {deadline}; after that the request is withdrawn.",
                    $"Approvers of {receiver}: press Accept or Reject where you can, or type accept {notice.InstanceId} (or reject …) to the peering app.",
                ],
                status,
                notice.InstanceId,
                // The signed, expiring approval page when a signing key is configured; the API's accept route otherwise.
                // Only ever in the receiver's notice: the link is the receiver's credential for this one decision.
                approvalLinks?.TryCreate(notice) ?? links.Accept(notice.InstanceId),
                DecisionButtons: true,
                Facts: [new("Peering", notice.InstanceId), new("Deadline", deadline)])));
        }

        var who = notice.ReceiverAccount ?? $"the external account {notice.ReceiverUin}";
        sends.Add((notice.InitiatorAccount, new ChatNotice(
            $"Waiting for {who}",
            [
                $"“{notice.Name}” was requested ({pcx}); {who} has until {deadline} to accept" +
                (notice.ReceiverAccount is null ? " in its Tencent console." : "."),
            ],
            status,
            notice.InstanceId)));
        await SendAsync(sends, "receiver notice", cancellationToken);
    }

    /// <summary>
    /// A topology asks a receiving account once: every pair it would accept, the deadline, and how to decide (one chat
    /// command or one POST with the account's approver key). No buttons: Slack's buttons decide one peering.
    /// </summary>
    public Task NotifyTopologyConsentAsync(TopologyConsentNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        const int MaxPairsListed = 20;
        var deadline = $"{notice.Deadline:yyyy-MM-dd HH:mm} UTC";
        var lines = new List<string> { $"Topology “{notice.Name}” asks {notice.Account} to accept {notice.Pairs.Count} peering{(notice.Pairs.Count == 1 ? "" : "s")}:" };
        lines.AddRange(notice.Pairs.Take(MaxPairsListed).Select(p => "• " + p));
        if (notice.Pairs.Count > MaxPairsListed)
        {
            lines.Add($"…and {notice.Pairs.Count - MaxPairsListed} more (see the status link).");
        }

        lines.Add($"One decision covers them all. Decide by {deadline}; an account that has not decided by then has its peerings dropped.");
        lines.Add($"Approvers of {notice.Account}: type topology accept {notice.TopologyId} (or topology reject …) to the peering app.");
        return SendAsync(
            [(notice.Account, new ChatNotice(
                $"Topology request for {notice.Account}", lines, links.Topology(notice.TopologyId), notice.TopologyId,
                // The signed, expiring approval page for this account when a signing key is configured; the API's route otherwise.
                AcceptUrl: approvalLinks is { CanCreate: true } signed
                    ? signed.CreateForTopology(notice.TopologyId, notice.Account, notice.Deadline)
                    : links.TopologyAccept(notice.TopologyId),
                Facts: [new("Topology", notice.TopologyId), new("Deadline", deadline)]))],
            "topology consent",
            cancellationToken);
    }

    public Task NotifyProgressAsync(PeeringProgressNotice notice, CancellationToken cancellationToken)
    {
        var lines = new List<string> { $"“{notice.Name}” is now {StepText(notice.Step)}{(notice.PeeringConnectionId is null ? "" : $" ({notice.PeeringConnectionId})")}." };
        if (!string.IsNullOrWhiteSpace(notice.Message))
        {
            lines.Add(notice.Message);
        }

        return SendAsync(
            [(notice.InitiatorAccount, new ChatNotice($"Peering {StepText(notice.Step)}: {notice.Name}", lines, links.Status(notice.InstanceId), notice.InstanceId))],
            "progress",
            cancellationToken);
    }

    /// <summary>An account with at least one channel URL set hears outcomes; without, the run schedules no notice.</summary>
    public bool DeliversOutcomeTo(string account) =>
        options.CurrentValue.Channels.TryGetValue(account, out var channel)
        && new[] { channel.SlackWebhookUrl, channel.WeComRobotUrl, channel.TeamsWorkflowUrl }.Any(url => !string.IsNullOrWhiteSpace(url));

    public Task NotifyOutcomeAsync(PeeringOutcomeNotice notice, CancellationToken cancellationToken)
    {
        var lines = new List<string> { notice.Message };
        if (notice.PeeringConnectionId is { } pcx)
        {
            lines.Add($"Peering connection: {pcx}.");
        }

        var message = new ChatNotice($"{OutcomeTitle(notice.Status)}: {notice.Name}", lines, links.Status(notice.InstanceId), notice.InstanceId);
        var sends = new List<(string, ChatNotice)>();
        if (notice.InitiatorAccount is { } initiator)
        {
            sends.Add((initiator, message));
        }

        if (notice.ReceiverAccount is { } receiver)
        {
            sends.Add((receiver, message));
        }

        return SendAsync(sends, "outcome", cancellationToken);
    }

    /// <summary>Both sides hear what the watcher newly found, each finding in plain words, and what happens next.</summary>
    public Task NotifyDriftAsync(PeeringDriftNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var lines = notice.Findings.Select(f => f.Description).ToList();
        lines.Add(notice.RepairPolicy == Registry.RepairPolicies.Repair
            ? "What a repair can put back (routes, their Enabled flag, subnet associations) is repaired; a route someone pointed elsewhere is only reported."
            : "This peering's policy is notify: nothing is repaired automatically.");
        var message = new ChatNotice(
            $"Peering drifted: {notice.Name}", lines, links.Status(notice.InstanceId), notice.InstanceId,
            Facts: notice.PeeringConnectionId is { } pcx ? [new KeyValuePair<string, string>("Peering connection", pcx)] : null);
        var sends = new List<(string, ChatNotice)>();
        foreach (var account in new[] { notice.InitiatorAccount, notice.ReceiverAccount }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            sends.Add((account, message));
        }

        return SendAsync(sends, "drift notice", cancellationToken);
    }

    /// <summary>The initiator hears that an instance of its peering is stuck, where and since when; nothing is undone by this.</summary>
    public Task NotifyStuckAsync(StuckInstanceNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.InitiatorAccount is not { } initiator)
        {
            return Task.CompletedTask;
        }

        var lines = new List<string>
        {
            $"{notice.InstanceId} has been at step {notice.Step} since {notice.Since:u} ({notice.Limit}).",
            "Nothing was changed because of this; the run goes on if the call it waits for returns. Look at the status page or the logs (event InstanceStuck).",
        };
        var message = new ChatNotice($"Peering stuck: {notice.Name}", lines, links.Status(notice.PeeringId), notice.PeeringId);
        return SendAsync([(initiator, message)], "stuck notice", cancellationToken);
    }

    /// <summary>Both sides hear what a repair did, left alone and could not do: the same message to each.</summary>
    public Task NotifyRepairAsync(RepairNotice notice, CancellationToken cancellationToken)
    {
        var lines = new List<string> { notice.Message };
        if (notice.Reported.Count > 0)
        {
            lines.Add($"Not repaired, on purpose: {string.Join("; ", notice.Reported)}.");
        }

        lines.Add($"Peering connection: {notice.PeeringConnectionId}.");
        var message = new ChatNotice($"{RepairTitle(notice)}: {notice.Name}", lines, links.Status(notice.PeeringId), notice.PeeringId);
        var sends = new List<(string, ChatNotice)>();
        foreach (var account in new[] { notice.InitiatorAccount, notice.ReceiverAccount }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            sends.Add((account, message));
        }

        return SendAsync(sends, "repair notice", cancellationToken);
    }

    private static string RepairTitle(RepairNotice notice) => (notice.Kind, notice.Status) switch
    {
        (RepairKinds.PeerDeletedCleanup, _) => "Peering deleted by the peer, cleaned up",
        (RepairKinds.ExtendRoutes, RepairStatus.Repaired) => "Routes extended",
        (RepairKinds.ExtendRoutes, _) => "Routes not extended",
        (_, RepairStatus.Repaired) => "Peering repaired",
        _ => "Peering repair failed",
    };

    /// <summary>Both sides we manage hear that the peering is gone (or that its teardown failed), who asked, and what an external side must remove.</summary>
    public Task NotifyTeardownAsync(TeardownNotice notice, CancellationToken cancellationToken)
    {
        var lines = new List<string>
        {
            notice.Status == TeardownStatus.Removed
                ? $"“{notice.Name}” ({notice.PeeringConnectionId}) was torn down{By(notice.RequestedBy)}: its routes and subnet moves were removed on both sides and the peering deleted."
                : $"The teardown of “{notice.Name}” ({notice.PeeringConnectionId}){By(notice.RequestedBy)} did not finish; it can be run again.",
            notice.Message,
        };
        if (notice.ExternalReceiverAction is { } action)
        {
            lines.Add(action);
        }

        var title = notice.Status == TeardownStatus.Removed ? $"Peering torn down: {notice.Name}" : $"Peering teardown failed: {notice.Name}";
        var message = new ChatNotice(title, lines, links.Status(notice.PeeringId), notice.PeeringId);
        var sends = new List<(string, ChatNotice)>();
        if (notice.InitiatorAccount is { } initiator)
        {
            sends.Add((initiator, message));
        }

        if (notice.ReceiverAccount is { } receiver)
        {
            sends.Add((receiver, message));
        }

        return SendAsync(sends, "teardown notice", cancellationToken);

        static string By(string? who) => who is null ? "" : $" at the request of {who}";
    }

    private async Task SendAsync(IReadOnlyList<(string Account, ChatNotice Notice)> sends, string purpose, CancellationToken cancellationToken)
    {
        try
        {
            var channels = options.CurrentValue.Channels;
            var used = new HashSet<string>(StringComparer.Ordinal);
            var posts = new List<Task<bool>>();
            foreach (var (account, notice) in sends)
            {
                if (string.IsNullOrEmpty(account) || !channels.TryGetValue(account, out var channel))
                {
                    continue;
                }

                Post(ChatChannelKind.SlackWebhook, account, channel.SlackWebhookUrl, () => SlackMessages.Notice(notice));
                Post(ChatChannelKind.WeComRobot, account, channel.WeComRobotUrl, () => WeComRobotMessages.Notice(notice));
                Post(ChatChannelKind.TeamsWorkflow, account, channel.TeamsWorkflowUrl, () => TeamsCards.Notice(notice));
            }

            if (posts.Count == 0)
            {
                logger.LogInformation("No chat channel is configured for the {Purpose}", purpose);
                return;
            }

            await Task.WhenAll(posts);

            void Post(ChatChannelKind kind, string account, string? configured, Func<JsonNode> render)
            {
                if (string.IsNullOrWhiteSpace(configured) || !used.Add(configured.Trim()))
                {
                    return; // not configured, or the same channel already gets a message for this event
                }

                if (ChatPoster.Parse(configured) is not { } url)
                {
                    logger.LogWarning("The {Channel} URL of account {Account} is not an https URL; skipped", kind, account);
                    return;
                }

                posts.Add(poster.PostAsync(kind, account, url, render(), cancellationToken));
            }
        }
        catch (Exception error)
        {
            logger.LogWarning("Sending the {Purpose} to chat failed: {Error}", purpose, error.GetType().Name);
        }
    }

    private static string StepText(string step) => PeeringVocabulary.Phrase(step);

    private static string OutcomeTitle(string status) => status switch
    {
        PeeringStatus.Active => "Peering active",
        PeeringStatus.Rejected => "Peering rejected",
        PeeringStatus.Expired => "Peering expired",
        PeeringStatus.PreflightFailed => "Peering not started",
        PeeringStatus.Failed => "Peering failed",
        PeeringStatus.PeerDeleted => "Peering deleted on Tencent",
        TeardownStatus.Removed => "Peering torn down",
        _ => $"Peering {status}",
    };
}
