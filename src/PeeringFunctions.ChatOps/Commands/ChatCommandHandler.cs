using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PeeringFunctions.ChatOps.Approvers;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Peerings.Repairs;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Commands;

/// <summary>
/// Runs a chat command for a chat user through <see cref="PeeringOperations"/> (the same calls the HTTP API makes) and
/// answers in a few human lines with the portal status link. accept/reject/teardown need the user on the receiver
/// account's allow-list, request and bandwidth on the initiator account's (it is billed for the bandwidth); everyone
/// else gets a polite refusal and nothing changes.
/// </summary>
public sealed class ChatCommandHandler(
    PeeringOperations operations,
    PeeringRepairs repairs,
    PeeringAdoption adoption,
    TopologyOperations topologies,
    ChatApprovers approvers,
    ITencentClientFactory accounts,
    PortalLinks links,
    ILogger<ChatCommandHandler> logger)
{
    public const int MaxListed = 10;

    /// <summary>How many audit entries one reply shows (the newest): a chat message stays readable.</summary>
    public const int MaxAuditLines = 25;
    private const int MaxProblemsShown = 15;
    private static readonly TimeSpan ChatDecisionWait = TimeSpan.FromSeconds(2);

    /// <summary>Parses and runs what the user typed.</summary>
    /// <param name="deliveryId">The platform's id of this message or click; a redelivery decides only once.</param>
    public async Task<ChatReply> HandleTextAsync(DurableTaskClient client, string? text, ChatUser user, string? deliveryId, CancellationToken cancellationToken)
    {
        var parsed = ChatCommandParser.Parse(text);
        return parsed.Command is null
            ? new ChatReply(parsed.Error!, ChatReplyKind.Invalid)
            : await RunAsync(client, parsed.Command, user, deliveryId, cancellationToken);
    }

    public async Task<ChatReply> RunAsync(DurableTaskClient client, ChatCommand command, ChatUser user, string? deliveryId, CancellationToken cancellationToken)
    {
        var reply = command.Verb switch
        {
            ChatVerb.Help => new ChatReply(ChatCommandParser.Usage),
            ChatVerb.Status => await StatusAsync(client, command.Target!, cancellationToken),
            ChatVerb.Audit => await AuditAsync(client, command.Target!, cancellationToken),
            ChatVerb.List => await ListAsync(client, command.State, cancellationToken),
            ChatVerb.Accept or ChatVerb.Reject => await DecideAsync(client, command.Target!, command.Verb == ChatVerb.Accept, user, deliveryId, cancellationToken),
            ChatVerb.Teardown => await TeardownAsync(client, command.Target!, user, cancellationToken),
            ChatVerb.Request => await RequestAsync(client, command, user, cancellationToken),
            ChatVerb.Bandwidth => await BandwidthAsync(client, command.Target!, command.BandwidthMbps, user, cancellationToken),
            ChatVerb.Discovered => await DiscoveredAsync(client, user, cancellationToken),
            ChatVerb.Adopt => await AdoptAsync(client, command, user, cancellationToken),
            ChatVerb.Repair or ChatVerb.ExtendRoutes => await RepairAsync(client, command.Target!, command.Verb == ChatVerb.ExtendRoutes, user, cancellationToken),
            ChatVerb.TopologyStatus => await TopologyStatusAsync(client, command.Target!, cancellationToken),
            ChatVerb.TopologyAccept or ChatVerb.TopologyReject =>
                await TopologyDecideAsync(client, command.Target!, command.Verb == ChatVerb.TopologyAccept, command.Account, user, deliveryId, cancellationToken),
            _ => new ChatReply(ChatCommandParser.Usage, ChatReplyKind.Invalid),
        };

        if (command.Verb is not (ChatVerb.Help or ChatVerb.Status or ChatVerb.List or ChatVerb.Audit or ChatVerb.TopologyStatus))
        {
            logger.LogInformation("Chat {Verb} by {User} on {InstanceId}: {Outcome}",
                command.Verb, user.Key, reply.InstanceId ?? command.Target ?? "(new)", reply.Kind);
        }

        return reply;
    }

    private async Task<ChatReply> StatusAsync(DurableTaskClient client, string target, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(client, target, cancellationToken);
        var view = id is null ? null : await operations.GetAsync(client, id, cancellationToken);
        if (view is null)
        {
            return NotFound(target);
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"“{view.Name}” ({view.Id}) is {Describe(view)}.\n")
            .Append(CultureInfo.InvariantCulture, $"{Side(view.Initiator)} → {Side(view.Receiver)}")
            .Append(view.PeeringConnectionId is null ? "" : $", {view.PeeringConnectionId}")
            .Append('\n');
        if (!string.IsNullOrEmpty(view.Message))
        {
            text.Append(Shorten(view.Message, 300)).Append('\n');
        }

        if (view.Teardown is { } teardown)
        {
            text.Append(CultureInfo.InvariantCulture, $"Teardown: {teardown.Outcome?.Status ?? teardown.RuntimeStatus}.\n");
        }

        if (view.Health is { } health)
        {
            text.Append(HealthLine(health));
        }

        if (view.Bandwidth is { } bandwidth)
        {
            text.Append(BandwidthLine(bandwidth));
        }

        text.Append("Status: ").Append(links.Status(view.Id));
        return new ChatReply(text.ToString(), ChatReplyKind.Info, view.Id);
    }

    /// <summary>The peering's audit trail, newest <see cref="MaxAuditLines"/> lines (anyone who may ask for status may ask for this).</summary>
    private async Task<ChatReply> AuditAsync(DurableTaskClient client, string target, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(client, target, cancellationToken);
        var entries = id is null ? null : await operations.AuditAsync(client, id, cancellationToken);
        if (entries is null)
        {
            return NotFound(target);
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Audit of {id}: {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}");
        if (entries.Count > MaxAuditLines)
        {
            text.Append(CultureInfo.InvariantCulture, $", the latest {MaxAuditLines}");
        }

        text.Append(entries.Count == 0 ? ".\n" : ":\n");
        foreach (var entry in entries.TakeLast(MaxAuditLines))
        {
            text.Append(CultureInfo.InvariantCulture, $"• {entry.At:yyyy-MM-dd HH:mm:ss}Z {entry.Kind} — {entry.Actor} via {entry.Channel}: {Shorten(entry.Summary, 200)}")
                .Append(entry.RequestId is { } requestId ? $" (RequestId {requestId})" : "")
                .Append('\n');
        }

        text.Append("Status: ").Append(links.Status(id!));
        return new ChatReply(text.ToString(), ChatReplyKind.Info, id);
    }

    private async Task<ChatReply> ListAsync(DurableTaskClient client, string? state, CancellationToken cancellationToken)
    {
        var views = await operations.ListAsync(client, state, cancellationToken);
        var which = state is null ? "" : $" in state {state}";
        if (views.Count == 0)
        {
            return new ChatReply($"No peerings{which} right now.");
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{views.Count} peering{(views.Count == 1 ? "" : "s")}{which}:\n");
        foreach (var view in views.Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"• {view.Id} — {view.Name}: {view.State}\n");
        }

        if (views.Count > MaxListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"…and {views.Count - MaxListed} more: {links.List(state)}\n");
        }

        text.Append("Details: status <id>");
        return new ChatReply(text.ToString());
    }

    private async Task<ChatReply> DecideAsync(
        DurableTaskClient client, string target, bool accept, ChatUser user, string? deliveryId, CancellationToken cancellationToken)
    {
        var verb = accept ? "accept" : "reject";
        var instance = await FindAsync(client, target, cancellationToken);
        if (instance is null)
        {
            return NotFound(target);
        }

        var request = instance.ReadInputAs<PeeringRequest>()!;
        var id = instance.InstanceId;
        if (!request.Receiver.IsManaged)
        {
            return new ChatReply(
                $"“{request.Name}” goes to an external account (uin {request.Receiver.ExternalUin}); it can only {verb} in its own Tencent console. " +
                $"Nothing was changed.\nStatus: {links.Status(id)}",
                ChatReplyKind.Refused, id);
        }

        if (!approvers.IsApprover(request.Receiver.Account, user))
        {
            return Refused(user, $"{verb} “{request.Name}”", request.Receiver.Account!, id);
        }

        // Chat platforms give a webhook about three seconds to answer.
        var result = await operations.DecideAsync(
            client, instance, accept, DecisionSources.Chat, user.Key, IdempotencyKey(user, deliveryId), cancellationToken, ChatDecisionWait, user.Platform);
        if (result.Winner is { } winner)
        {
            return new ChatReply(
                $"“{request.Name}” was already {(winner.Accept ? "accepted" : "rejected")} ({winner.Source}) before your {verb} arrived. " +
                $"Nothing was changed.\nStatus: {links.Status(id)}",
                ChatReplyKind.Conflict, id);
        }

        if (!result.Raised)
        {
            return new ChatReply(
                $"“{request.Name}” is not waiting for a decision — it is {result.State}. Nothing was changed.\nStatus: {links.Status(id)}",
                ChatReplyKind.Conflict, id);
        }

        return new ChatReply(
            (accept
                ? $"Accepted “{request.Name}” for {request.Receiver.Account}. I'll set up the routes on both sides now."
                : $"Rejected “{request.Name}” for {request.Receiver.Account}. The request will be withdrawn.")
            + $"\nStatus: {links.Status(id)}",
            ChatReplyKind.Done, id);
    }

    private async Task<ChatReply> TopologyStatusAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var view = await topologies.GetAsync(client, id, cancellationToken);
        if (view is null)
        {
            return TopologyNotFound(id);
        }

        var active = view.Pairs.Count(p => p.State is PeeringStatus.Active or PairStates.Reused);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Topology “{view.Name}” ({view.Id}, {view.Shape}) is {view.State}: {active} of {view.Pairs.Count} peerings active.\n");
        if (view.Accounts.Count > 0)
        {
            text.Append("Consent: ").AppendJoin(", ", view.Accounts.Select(a => $"{a.Account} {a.Decision}")).Append('\n');
        }

        foreach (var pair in view.Pairs.Where(p => p.State is not (PeeringStatus.Active or PairStates.Reused)).Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"• {pair.Initiator.VpcId} ↔ {pair.Receiver.VpcId}: {pair.Peering ?? pair.State}")
                .Append(pair.Message is null ? "" : " — " + Shorten(pair.Message, 120)).Append('\n');
        }

        text.Append("Status: ").Append(links.Topology(view.Id));
        return new ChatReply(text.ToString(), ChatReplyKind.Info, view.Id);
    }

    /// <summary>
    /// One receiving account's decision for all its pairs: the account the user approves among those asked (or the one
    /// named, when the user approves several).
    /// </summary>
    private async Task<ChatReply> TopologyDecideAsync(
        DurableTaskClient client, string id, bool accept, string? named, ChatUser user, string? deliveryId, CancellationToken cancellationToken)
    {
        var verb = accept ? "accept" : "reject";
        var instance = await topologies.FindAsync(client, id, cancellationToken);
        if (instance is null)
        {
            return TopologyNotFound(id);
        }

        var asked = TopologyOperations.AccountsAsked(instance);
        var mine = asked.Where(a => approvers.IsApprover(a, user) && (named is null || string.Equals(a, named, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0)
        {
            return Refused(user, $"{verb} topology {id}", named ?? string.Join(" or ", asked), null);
        }

        if (mine.Count > 1)
        {
            return new ChatReply($"You approve for {string.Join(", ", mine)}, all asked by {id}: say which, e.g. topology {verb} {id} {mine[0]}. Nothing was changed.",
                ChatReplyKind.Invalid, id);
        }

        var account = mine[0];
        var result = await topologies.DecideAsync(client, instance, account, accept, DecisionSources.Chat, user.Key, IdempotencyKey(user, deliveryId), cancellationToken, ChatDecisionWait, user.Platform);
        if (!result.Raised)
        {
            return new ChatReply(result.Taken is { } taken
                    ? $"{account} has decided on {id} already: {taken.Decision} ({taken.DecidedBy}). Nothing was changed.\nStatus: {links.Topology(id)}"
                    : $"{id} is not waiting for consent — it is {result.State}. Nothing was changed.\nStatus: {links.Topology(id)}",
                ChatReplyKind.Conflict, id);
        }

        return new ChatReply(
            (accept ? $"Accepted {id} for {account}: all its peerings will be set up now." : $"Rejected {id} for {account}: none of its peerings will be made; the others go on.")
            + $"\nStatus: {links.Topology(id)}",
            ChatReplyKind.Done, id);
    }

    private static ChatReply TopologyNotFound(string id) =>
        new($"I can't find a topology “{id}”.", ChatReplyKind.NotFound);

    private async Task<ChatReply> TeardownAsync(DurableTaskClient client, string target, ChatUser user, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(client, target, cancellationToken);
        // From the instance, or from the registry when its history was purged.
        var parties = id is null ? null : await operations.FindPartiesAsync(client, id, cancellationToken);
        if (parties is null)
        {
            return NotFound(target);
        }

        var account = EitherSidesApproval(parties, user);
        if (account is null)
        {
            return Refused(user, $"tear down “{parties.Name}”", parties.ReceiverAccount ?? parties.InitiatorAccount, parties.Id);
        }

        var result = await operations.TeardownByIdAsync(client, parties.Id, user.Key, cancellationToken, user.Platform);
        if (result is null)
        {
            return NotFound(target);
        }

        if (result.TeardownId is null)
        {
            return new ChatReply(
                $"Only an active peering can be torn down; “{parties.Name}” is {result.State}. Nothing was changed.\nStatus: {links.Status(parties.Id)}",
                ChatReplyKind.Conflict, parties.Id);
        }

        return new ChatReply(
            $"Tearing down “{parties.Name}” for {account}: removing the peering and its routes on both sides; both sides will hear when it is done.\nStatus: {links.Status(parties.Id)}",
            ChatReplyKind.Done, parties.Id);
    }

    /// <summary>discovered: what GET /api/peerings/discovered lists (it reads Tencent, so for approvers only), each with the adopt line to send.</summary>
    private async Task<ChatReply> DiscoveredAsync(DurableTaskClient client, ChatUser user, CancellationToken cancellationToken)
    {
        if (!approvers.IsApproverOfAny(user))
        {
            return new ChatReply(
                $"Sorry — listing discovered peerings reads every account's peerings on Tencent, so it is for approvers of one of our accounts, and you are not on a list ({user.Key}).",
                ChatReplyKind.Refused);
        }

        var report = await adoption.DiscoverAsync(client, cancellationToken);
        var text = new StringBuilder();
        text.Append(report.Peerings.Count == 0
            ? "No active peering our accounts can see is left unmanaged.\n"
            : $"{report.Peerings.Count} active peering{(report.Peerings.Count == 1 ? "" : "s")} not managed here yet:\n");
        foreach (var found in report.Peerings.Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"• {found.PeeringConnectionId} “{found.Name}”: {Seen(found.Initiator)} → {Seen(found.Receiver)} — adopt {found.PeeringConnectionId} {found.Adopt.Account}/{found.Adopt.Region}\n");
        }

        if (report.Peerings.Count > MaxListed)
        {
            text.Append(CultureInfo.InvariantCulture, $"…and {report.Peerings.Count - MaxListed} more (GET /api/peerings/discovered lists them all).\n");
        }

        foreach (var problem in report.Problems.Take(MaxProblemsShown))
        {
            text.Append(CultureInfo.InvariantCulture, $"Not read: {problem}\n");
        }

        return new ChatReply(text.ToString().TrimEnd());

        static string Seen(DiscoveredSide side) => $"{side.Account ?? "uin " + side.Uin} · {side.Region} · {side.VpcId}";
    }

    /// <summary>adopt: the same use case as POST /api/peerings/adopt, for the approvers of the account named.</summary>
    private async Task<ChatReply> AdoptAsync(DurableTaskClient client, ChatCommand command, ChatUser user, CancellationToken cancellationToken)
    {
        var (request, problems) = AdoptionValidator.Validate(new AdoptionBody
        {
            Account = command.Account, Region = command.Region, PeeringConnectionId = command.Target, RepairPolicy = command.RepairPolicy,
        });
        if (request is null)
        {
            return new ChatReply(
                $"That adoption can't be done; nothing was recorded: {string.Join("; ", problems.Select(p => $"{p.Field} {p.Rule}"))}.", ChatReplyKind.Invalid);
        }

        if (!approvers.IsApprover(request.Account, user))
        {
            return Refused(user, $"adopt a peering as {request.Account}", request.Account, null, "nothing was recorded");
        }

        var result = await adoption.AdoptAsync(client, request, user.Key, cancellationToken, user.Platform);
        if (result.Record is not { } record)
        {
            var kind = result.Refusal == AdoptionRefusal.NotFound ? ChatReplyKind.NotFound : ChatReplyKind.Conflict;
            return new ChatReply(result.Message + (result.Id is { } held ? $"\nStatus: {links.Status(held)}" : ""), kind, result.Id);
        }

        return new ChatReply(
            $"Adopted {record.PeeringConnectionId} as “{record.Name}” ({record.Id}), policy {record.RepairPolicy}: recorded as it is, nothing changed on Tencent; the watcher checks it from its next tick.\nStatus: {links.Status(record.Id)}",
            ChatReplyKind.Done, record.Id);
    }

    /// <summary>repair / extend-routes: the same use case as POST /api/peerings/{id}/repair and /extend-routes, for either side's approvers.</summary>
    private async Task<ChatReply> RepairAsync(DurableTaskClient client, string target, bool extendRoutes, ChatUser user, CancellationToken cancellationToken)
    {
        var id = await ResolveIdAsync(client, target, cancellationToken);
        var parties = id is null ? null : await operations.FindPartiesAsync(client, id, cancellationToken);
        if (parties is null)
        {
            return NotFound(target);
        }

        var what = extendRoutes ? "extend the routes of" : "repair";
        var account = EitherSidesApproval(parties, user);
        if (account is null)
        {
            return Refused(user, $"{what} “{parties.Name}”", parties.ReceiverAccount ?? parties.InitiatorAccount, parties.Id);
        }

        var result = extendRoutes
            ? await repairs.ExtendRoutesAsync(client, parties.Id, cancellationToken, user.Key, user.Platform)
            : await repairs.RepairNowAsync(client, parties.Id, cancellationToken, user.Key, user.Platform);
        if (result?.RepairId is not { } repairId)
        {
            var why = result?.Refusal ?? $"“{parties.Name}” is not in the peering registry yet, so the watcher has found nothing to {(extendRoutes ? "extend" : "repair")}.";
            return new ChatReply($"{why}\nStatus: {links.Status(parties.Id)}", ChatReplyKind.Conflict, parties.Id);
        }

        var doing = extendRoutes ? "adding routes through the peering for the peer VPC's new CIDRs" : "putting back what the watcher found changed";
        return new ChatReply(
            $"{(extendRoutes ? "Extending the routes of" : "Repairing")} “{parties.Name}” for {account} ({repairId}): {doing}; both sides will hear how it ends.\nStatus: {links.Status(parties.Id)}",
            ChatReplyKind.Done, parties.Id);
    }

    private async Task<ChatReply> BandwidthAsync(DurableTaskClient client, string target, long? mbps, ChatUser user, CancellationToken cancellationToken)
    {
        var (bandwidthMbps, problems) = BandwidthChangeValidator.Validate(new BandwidthChangeBody { BandwidthMbps = mbps });
        if (bandwidthMbps is not { } wanted)
        {
            return new ChatReply($"That bandwidth can't be set; nothing was changed: {problems[0].Field} {problems[0].Rule}.", ChatReplyKind.Invalid);
        }

        var instance = await FindAsync(client, target, cancellationToken);
        if (instance is null)
        {
            return NotFound(target);
        }

        var request = instance.ReadInputAs<PeeringRequest>()!;
        var id = instance.InstanceId;
        if (!approvers.IsApprover(request.Initiator.Account, user))
        {
            return Refused(user, $"change the bandwidth of “{request.Name}”", request.Initiator.Account!, id);
        }

        var result = await operations.ChangeBandwidthAsync(client, instance, wanted, cancellationToken, user.Key, user.Platform);
        if (result.ChangeId is null)
        {
            return new ChatReply($"{result.Message} Nothing was changed.\nStatus: {links.Status(id)}", ChatReplyKind.Conflict, id);
        }

        return new ChatReply(
            $"Changing the bandwidth cap of “{request.Name}” to {wanted} Mbps; its status shows what Tencent reports once the change is done.\nStatus: {links.Status(id)}",
            ChatReplyKind.Done, id);
    }

    /// <summary>The watcher's last word on the peering, in one line: healthy, or what is wrong.</summary>
    private static string HealthLine(PeeringFunctions.Registry.PeeringHealth health)
    {
        var when = health.CheckedAt is { } at ? $" (checked {at:yyyy-MM-dd HH:mm} UTC)" : "";
        return health.Findings.Count == 0
            ? $"Health: {health.Status}{when}.\n"
            : $"Health: {health.Status}{when}: {Shorten(string.Join("; ", health.Findings.Select(f => f.Description)), 300)}\n";
    }

    /// <summary>The cap as Tencent last reported it, and the latest change's progress or outcome.</summary>
    private static string BandwidthLine(PeeringBandwidthView bandwidth)
    {
        var text = new StringBuilder();
        if (bandwidth.Mbps is { } mbps)
        {
            text.Append(CultureInfo.InvariantCulture, $"Bandwidth: {mbps} Mbps, as Tencent reported it {bandwidth.ReadWhen()}.\n");
        }

        if (bandwidth.LastChange is { Outcome: { } outcome } ended)
        {
            text.Append(CultureInfo.InvariantCulture, $"Last bandwidth change, to {ended.RequestedMbps} Mbps: {outcome.Status}. {Shorten(outcome.Message, 200)}\n");
        }
        else if (bandwidth.LastChange is { } running)
        {
            text.Append(CultureInfo.InvariantCulture, $"Bandwidth change to {running.RequestedMbps} Mbps: {running.Step ?? running.RuntimeStatus}.\n");
        }

        return text.ToString();
    }

    private async Task<ChatReply> RequestAsync(DurableTaskClient client, ChatCommand command, ChatUser user, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>(command.Problems ?? []);
        PeeringRequest? request = null;
        if (command.Request is { } body)
        {
            var (validated, rules) = PeeringRequestValidator.Validate(body, accounts.IsManaged);
            problems.AddRange(rules);
            request = validated;
        }

        if (request is null || problems.Count > 0)
        {
            var text = new StringBuilder("That request can't be started; nothing was changed:\n");
            foreach (var problem in problems.Take(MaxProblemsShown))
            {
                text.Append(CultureInfo.InvariantCulture, $"• {problem.Field}: {problem.Rule}\n");
            }

            if (problems.Count > MaxProblemsShown)
            {
                text.Append(CultureInfo.InvariantCulture, $"…and {problems.Count - MaxProblemsShown} more.\n");
            }

            text.Append("Write request alone for the syntax.");
            return new ChatReply(text.ToString(), ChatReplyKind.Invalid);
        }

        if (!approvers.IsApprover(request.Initiator.Account, user))
        {
            return Refused(user, "request peerings from", request.Initiator.Account!, null, what: "nothing was started");
        }

        // Who asked is the chat user (the registry and the audit trail name them), through their platform.
        var result = await operations.StartAsync(client, request with { RequestedBy = user.Key }, cancellationToken, user.Platform);
        if (!result.Started)
        {
            return new ChatReply(
                $"{result.Refusal} Nothing new was started.\nStatus: {links.Status(result.InstanceId)}",
                ChatReplyKind.Conflict, result.InstanceId);
        }

        var receiver = request.Receiver.IsManaged
            ? $"approvers of {request.Receiver.Account} will be asked to accept"
            : $"the external account {request.Receiver.ExternalUin} has to accept it in its Tencent console";
        return new ChatReply(
            $"Requested “{request.Name}”: {request.Initiator.Describe()} → {request.Receiver.Describe()}; {receiver}.\nStatus: {links.Status(result.InstanceId)}",
            ChatReplyKind.Done, result.InstanceId);
    }

    private async Task<Microsoft.DurableTask.Client.OrchestrationMetadata?> FindAsync(DurableTaskClient client, string target, CancellationToken cancellationToken) =>
        await ResolveIdAsync(client, target, cancellationToken) is { } id ? await operations.FindAsync(client, id, cancellationToken) : null;

    /// <summary>A peering instance id as given, or the instance whose peering connection is the given pcx-… id.</summary>
    private async Task<string?> ResolveIdAsync(DurableTaskClient client, string target, CancellationToken cancellationToken)
    {
        if (PeeringInstanceIds.IsPeeringId(target))
        {
            return target;
        }

        var views = await operations.ListAsync(client, null, cancellationToken);
        return views.FirstOrDefault(v => string.Equals(v.PeeringConnectionId, target, StringComparison.Ordinal))?.Id;
    }

    /// <summary>
    /// The account the user approves for, when either side's approvers may act (teardown, repair): the receiver's
    /// first, then the initiator's (the only ones for an external receiver); null when neither.
    /// </summary>
    private string? EitherSidesApproval(PeeringParties parties, ChatUser user) =>
        new[] { parties.ReceiverAccount, parties.InitiatorAccount }.FirstOrDefault(a => a is not null && approvers.IsApprover(a, user));

    private ChatReply Refused(ChatUser user, string action, string account, string? id, string what = "nothing was changed")
    {
        var who = string.IsNullOrWhiteSpace(user.DisplayName) ? "" : $", {Shorten(user.DisplayName, 40)}";
        return new ChatReply(
            $"Sorry{who} — only approvers of account {account} can {action}, and you are not on its list ({user.Key}), so {what}. " +
            "Ask one of them, or an admin to add you." + (id is null ? "" : $"\nStatus: {links.Status(id)}"),
            ChatReplyKind.Refused, id);
    }

    private static ChatReply NotFound(string target) =>
        new($"I can't find a peering “{target}”. Try list to see the current ones.", ChatReplyKind.NotFound);

    private static string Describe(PeeringView view) => view.State switch
    {
        PeeringSteps.WaitingForAcceptance => $"waiting for {view.Receiver.Account ?? "uin " + view.Receiver.Uin} to accept" +
            (view.AcceptanceDeadline is { } deadline ? $" (until {deadline:yyyy-MM-dd HH:mm} UTC)" : ""),
        PeeringSteps.Activating => "accepted; Tencent is activating it",
        PeeringStatus.Active => "active",
        var state => state,
    };

    private static string Side(PeeringSideView side) => $"{side.Account ?? "uin " + side.Uin}/{side.Region}/{side.VpcId}";

    /// <summary>The platform's delivery id, hashed so nothing but an opaque key reaches orchestration history.</summary>
    private static string? IdempotencyKey(ChatUser user, string? deliveryId) =>
        string.IsNullOrEmpty(deliveryId)
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Platform}:{deliveryId}")))[..32];

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
