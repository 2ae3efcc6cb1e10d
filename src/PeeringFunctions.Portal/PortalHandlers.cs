using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Peerings.Repairs;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Portal.Html;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.Portal.Pages;
using PeeringFunctions.Portal.Status;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal;

/// <summary>
/// The pages, host-agnostic: each method answers one route with the Durable client it is given. The Functions
/// triggers and the local host both call these, so both serve the same bytes. Everything the pages do to a peering
/// goes through <see cref="PeeringOperations"/>, the same code as the HTTP API and the chat commands.
/// </summary>
/// <remarks>
/// Portal routes (list, form, status) are behind the portal's function key at the host. The link routes (approve,
/// watch) are anonymous at the host: their signed token is the only credential, and it grants only what
/// <see cref="ApprovalTokens"/> says, for the peering, pcx and receiver it names, while the peering is in the state
/// that use needs.
/// </remarks>
public sealed class PortalHandlers(
    PeeringOperations operations,
    PeeringFunctions.Peerings.Topologies.TopologyOperations topologies,
    PeeringRepairs repairs,
    PeeringAdoption adoption,
    ApprovalTokens tokens,
    ApprovalLinks links,
    NetworkReader network,
    StepClock clock,
    ITencentClientFactory accounts,
    IOptionsMonitor<PortalOptions> options,
    TimeProvider time,
    ILogger<PortalHandlers> logger)
{
    public const string PortalPath = $"{HttpRoutes.Prefix}/{HttpRoutes.Portal}";
    public const int MaxFormBytes = 32 * 1024;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Version, StepTimes Times)> stepTimes = new(StringComparer.Ordinal);
    private int historyUnsupported;

    // ---- Portal (function key) ---------------------------------------------------------------------------------

    /// <summary>GET /api/portal[?state=…]: peerings grouped by state.</summary>
    public async Task<PortalResult> ListAsync(DurableTaskClient client, HttpRequest http)
    {
        var filter = http.Query["state"].ToString() is { Length: > 0 and <= 40 } state ? state : null;
        var peerings = await operations.ListAsync(client, filter, http.HttpContext.RequestAborted);
        var topologyList = await PeeringFunctions.Peerings.Topologies.TopologySummary.ListAsync(client, http.HttpContext.RequestAborted);
        return Page(StatusCodes.Status200OK, "Peerings", ListPage.Body(peerings, filter, null) + TopologyListSection.Html(topologyList), Audience.Portal, current: "list");
    }

    /// <summary>GET /api/portal/new: the request form, filled from what the app reads from Tencent.</summary>
    public async Task<PortalResult> NewAsync(HttpRequest http)
    {
        var inventory = await network.InventoryAsync(http.HttpContext.RequestAborted);
        return Page(StatusCodes.Status200OK, "Request a peering", RequestPage.Body(inventory, RequestForm.Empty, []), Audience.Portal, current: "new");
    }

    /// <summary>GET /api/portal/discovered: the peerings our accounts see that nothing here manages, each with its adopt form.</summary>
    public async Task<PortalResult> DiscoveredAsync(DurableTaskClient client, HttpRequest http)
    {
        var report = await adoption.DiscoverAsync(client, http.HttpContext.RequestAborted);
        return Page(StatusCodes.Status200OK, "Peerings made elsewhere", DiscoveredPage.Body(report), Audience.Portal, current: "discovered");
    }

    /// <summary>
    /// POST /api/portal/discovered: adopts one (fields account, region, peeringConnectionId, repairPolicy), the same use
    /// case as POST /api/peerings/adopt, then goes to its status page; a refusal says why with the API's status code.
    /// </summary>
    public async Task<PortalResult> AdoptAsync(DurableTaskClient client, HttpRequest http)
    {
        if (CrossSite(http) is { } refused)
        {
            return refused;
        }

        var (fields, tooLarge) = await ReadFormAsync(http);
        if (tooLarge)
        {
            return FormTooLarge(Audience.Portal);
        }

        string? Field(string name) => fields?[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
        var (request, problems) = AdoptionValidator.Validate(new AdoptionBody
        {
            Account = Field("account"), Region = Field("region"), PeeringConnectionId = Field("peeringConnectionId"), RepairPolicy = Field("repairPolicy"),
        });
        if (request is null)
        {
            return Page(StatusCodes.Status400BadRequest, "Nothing adopted", MessagePage.Body("Nothing adopted",
                $"The adoption form was not filled in right: {string.Join("; ", problems.Select(p => $"{p.Field} {p.Rule}"))}. Nothing was recorded.",
                linkHref: $"{PortalPath}/discovered", linkText: "Back to the peerings made elsewhere"), Audience.Portal);
        }

        var result = await adoption.AdoptAsync(client, request, CallerNames.PortalCaller(http.HttpContext), http.HttpContext.RequestAborted, AuditChannels.Portal);
        if (result.Record is { } record)
        {
            return PortalResult.SeeOther(WithKey($"{PortalPath}/peerings/{record.Id}", http));
        }

        var (status, _) = AdoptionRefusals.HttpOf(result.Refusal);
        return Page(status, "Nothing adopted", MessagePage.Body("Nothing adopted", result.Message,
            linkHref: result.Id is { } held ? $"{PortalPath}/peerings/{held}" : $"{PortalPath}/discovered",
            linkText: result.Id is null ? "Back to the peerings made elsewhere" : "See the peering that holds it"), Audience.Portal);
    }

    /// <summary>POST /api/portal/new: refuse overlaps and anything the API would refuse, else start and go to the status page.</summary>
    public async Task<PortalResult> SubmitAsync(DurableTaskClient client, HttpRequest http)
    {
        if (CrossSite(http) is { } refused)
        {
            return refused;
        }

        var (fields, tooLarge) = await ReadFormAsync(http);
        if (tooLarge)
        {
            return FormTooLarge(Audience.Portal);
        }

        if (fields is null)
        {
            return Page(StatusCodes.Status415UnsupportedMediaType, "Form expected",
                MessagePage.Body("Form expected", "Send the request form as application/x-www-form-urlencoded, at most 32 KB."), Audience.Portal);
        }

        var form = RequestForm.From(fields);
        var inventory = await network.InventoryAsync(http.HttpContext.RequestAborted);
        var (body, errors) = RequestChecks.Check(form, inventory, accounts.IsManaged);
        if (body is null)
        {
            return Page(StatusCodes.Status400BadRequest, "Request a peering", RequestPage.Body(inventory, form, errors), Audience.Portal, current: "new");
        }

        var (request, problems) = PeeringRequestValidator.Validate(body, accounts.IsManaged);
        if (request is null)
        {
            return Page(StatusCodes.Status400BadRequest, "Request a peering",
                RequestPage.Body(inventory, form, problems.Select(RequestChecks.ToFormError).ToList()), Audience.Portal, current: "new");
        }

        var result = await operations.StartAsync(client, request with { RequestedBy = CallerNames.PortalCaller(http.HttpContext) }, http.HttpContext.RequestAborted, AuditChannels.Portal);
        var status = WithKey($"{PortalPath}/peerings/{result.InstanceId}", http);
        if (!result.Started)
        {
            return Page(StatusCodes.Status409Conflict, "Already peered", MessagePage.Body(
                "This pair already has a peering",
                $"{result.Refusal} Tencent allows one peering per pair. Nothing new was requested.",
                linkHref: $"{PortalPath}/peerings/{result.InstanceId}", linkText: "See the running peering"), Audience.Portal);
        }

        return PortalResult.SeeOther(status);
    }

    /// <summary>GET /api/portal/peerings/{id}: the status page.</summary>
    public async Task<PortalResult> StatusAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        var instance = await operations.FindAsync(client, id, http.HttpContext.RequestAborted);
        if (instance is null)
        {
            // Its history purged (or adopted): the registry's record is what there is to show.
            return await operations.GetAsync(client, id, http.HttpContext.RequestAborted) is { } registered
                ? Page(StatusCodes.Status200OK, registered.Name, StatusView.RegisteredBody(registered) + StatusView.RepairActions(registered.Health)
                    + AuditSection.Html(await operations.AuditAsync(client, id, http.HttpContext.RequestAborted)), Audience.Portal)
                : NotFoundPage(id);
        }

        var peering = PeeringSnapshot.From(instance) with
        {
            Bandwidth = await operations.BandwidthOfAsync(client, instance, http.HttpContext.RequestAborted),
            Health = await HealthOfAsync(id, http.HttpContext.RequestAborted),
            Stuck = await operations.StuckOfAsync(id, http.HttpContext.RequestAborted),
        };
        var (steps, picture) = await LiveAsync(client, peering, http.HttpContext.RequestAborted);
        var actions = StatusView.RepairActions(peering.Health);
        var audit = AuditSection.Html(await operations.AuditAsync(client, id, http.HttpContext.RequestAborted));
        return StatusPage(peering, steps, picture, Audience.Portal, $"{PortalPath}/peerings/{peering.InstanceId}/live", actions.Length > 0 ? actions : null, audit);
    }

    /// <summary>
    /// POST /api/portal/peerings/{id}: a person's one click on the status page (field <c>action</c>): "repair" repairs
    /// what the watcher found, whatever the policy; "extend-routes" routes the peer VPC's new CIDRs after pre-flight.
    /// The same use case as POST /api/peerings/{id}/repair and /extend-routes.
    /// </summary>
    public async Task<PortalResult> RepairAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        if (CrossSite(http) is { } refused)
        {
            return refused;
        }

        var (fields, tooLarge) = await ReadFormAsync(http);
        if (tooLarge)
        {
            return FormTooLarge(Audience.Portal);
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var action = fields?["action"].ToString();
        RepairStartResult? result;
        switch (action)
        {
            case StatusView.RepairAction:
                result = await repairs.RepairNowAsync(client, id, cancellationToken, CallerNames.PortalCaller(http.HttpContext), AuditChannels.Portal);
                break;
            case StatusView.ExtendRoutesAction:
                result = await repairs.ExtendRoutesAsync(client, id, cancellationToken, CallerNames.PortalCaller(http.HttpContext), AuditChannels.Portal);
                break;
            default:
                return Page(StatusCodes.Status400BadRequest, "Unknown action", MessagePage.Body(
                    "Unknown action", $"The form's action must be '{StatusView.RepairAction}' or '{StatusView.ExtendRoutesAction}'. Nothing was changed."),
                    Audience.Portal);
        }

        var status = $"{PortalPath}/peerings/{id}";
        if (result is null)
        {
            return NotFoundPage(id);
        }

        if (result.RepairId is null)
        {
            return Page(StatusCodes.Status409Conflict, "Nothing started", MessagePage.Body(
                action == StatusView.RepairAction ? "Nothing was repaired" : "No route was added",
                result.Refusal ?? "The peering cannot be repaired now.", linkHref: status, linkText: "Back to the peering"), Audience.Portal);
        }

        logger.LogInformation("Portal: {Action} of {InstanceId} started ({RepairId})", action, id, result.RepairId);
        return PortalResult.SeeOther(WithKey(status, http));
    }

    /// <summary>GET /api/portal/peerings/{id}/live: what the open status page swaps in while the peering runs.</summary>
    public async Task<PortalResult> StatusLiveAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        var instance = await operations.FindAsync(client, id, http.HttpContext.RequestAborted);
        if (instance is null)
        {
            return PortalResult.Problem(StatusCodes.Status404NotFound, "No such peering.", "There is no peering with this id.");
        }

        var peering = PeeringSnapshot.From(instance) with
        {
            Bandwidth = await operations.BandwidthOfAsync(client, instance, http.HttpContext.RequestAborted),
            Health = await HealthOfAsync(id, http.HttpContext.RequestAborted),
        };
        return await LiveJsonAsync(client, peering, http.HttpContext.RequestAborted);
    }

    // ---- Links (the token is the credential) -------------------------------------------------------------------

    /// <summary>GET /api/approve?token=…: the receiver's approval page.</summary>
    public async Task<PortalResult> ApprovalAsync(DurableTaskClient client, HttpRequest http)
    {
        var (claims, _, peering, refusal) = await AuthorizeAsync(client, http, LinkPurpose.Decide);
        if (refusal is not null)
        {
            return refusal;
        }

        var state = await network.ReadAsync(peering!.Request, peering.PeeringConnectionId, CacheKey(peering), http.HttpContext.RequestAborted);
        return Page(StatusCodes.Status200OK, $"Peering request for {claims!.ReceiverAccount}",
            ApprovalPage.Body(peering, state, claims.ReceiverAccount, time.GetUtcNow()), Audience.LinkHolder);
    }

    /// <summary>
    /// POST /api/approve?token=… (decision=accept|reject): raises the same decision event as every other source,
    /// through <see cref="PeeringOperations.DecideAsync"/>, then sends the receiver to the status page it may watch.
    /// </summary>
    public async Task<PortalResult> DecideAsync(DurableTaskClient client, HttpRequest http)
    {
        if (CrossSite(http) is { } refused)
        {
            return refused;
        }

        var (claims, instance, _, refusal) = await AuthorizeAsync(client, http, LinkPurpose.Decide);
        if (refusal is not null)
        {
            return refusal;
        }

        var (decision, unclear) = await ReadDecisionAsync(http);
        if (unclear is not null)
        {
            return unclear;
        }

        var result = await operations.DecideAsync(
            client,
            instance!,
            accept: decision == "accept",
            DecisionSources.Http,
            $"approver of {claims!.ReceiverAccount} (approval link)",
            ApprovalTokens.DecisionKeyOf(http.Query["token"].ToString()),
            http.HttpContext.RequestAborted,
            channel: AuditChannels.ApprovalLink);
        if (!result.Raised)
        {
            return AlreadyDecided(result.State);
        }

        logger.LogInformation("Approval link: {Decision} for {InstanceId} by an approver of {Receiver}", decision, claims.InstanceId, claims.ReceiverAccount);
        return PortalResult.SeeOther(links.Watch(claims));
    }

    /// <summary>GET /api/watch?token=…: the status page for the receiver who decided (read only, this peering only).</summary>
    public async Task<PortalResult> WatchAsync(DurableTaskClient client, HttpRequest http)
    {
        var (_, _, peering, refusal) = await AuthorizeAsync(client, http, LinkPurpose.Watch);
        if (refusal is not null)
        {
            return refusal;
        }

        var (steps, picture) = await LiveAsync(client, peering!, http.HttpContext.RequestAborted);
        var intro = "<p class=\"notice success\" role=\"status\">Your decision was recorded. This page follows the peering until it is set up.</p>\n";
        // The view, not the snapshot: it knows whether a teardown ran since (or the registry says more).
        if (peering!.State == PeeringStatus.Active
            && (await operations.GetAsync(client, peering.InstanceId, http.HttpContext.RequestAborted))?.State == PeeringStatus.Active)
        {
            // The receiver may end what it agreed to: the same signed link is the credential.
            intro += $"<form class=\"teardown\" method=\"post\" action=\"{HtmlText.E($"{HttpRoutes.PathOf(HttpRoutes.WatchTeardown)}?token={Uri.EscapeDataString(http.Query["token"].ToString())}")}\">" +
                "<p>This peering is active. Tearing it down removes its routes and subnet moves on both sides and deletes it; both sides are told.</p>" +
                "<button type=\"submit\" id=\"teardown\" class=\"danger\">Tear down this peering</button></form>\n";
        }

        return StatusPage(peering!, steps, picture, Audience.LinkHolder, HttpRoutes.PathOf(HttpRoutes.WatchLive), intro);
    }

    /// <summary>
    /// POST /api/watch/teardown?token=…: the receiver tears the peering down from its status link (the same signed link
    /// is the credential), through <see cref="PeeringOperations.TeardownByIdAsync"/> like every other door.
    /// </summary>
    public async Task<PortalResult> TeardownFromLinkAsync(DurableTaskClient client, HttpRequest http)
    {
        if (CrossSite(http) is { } refused)
        {
            return refused;
        }

        var (claims, _, _, refusal) = await AuthorizeAsync(client, http, LinkPurpose.Watch);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await operations.TeardownByIdAsync(
            client, claims!.InstanceId, $"approver of {claims.ReceiverAccount} (status link)", http.HttpContext.RequestAborted, AuditChannels.StatusLink);
        if (result?.TeardownId is null)
        {
            return Page(StatusCodes.Status409Conflict, "Not torn down", MessagePage.Body(
                "This peering cannot be torn down now",
                $"Only an active peering can be torn down; it is {StatusView.Words(result?.State ?? "gone")}. Nothing was changed."), Audience.LinkHolder);
        }

        logger.LogInformation("Status link: teardown of {InstanceId} by an approver of {Receiver}", claims.InstanceId, claims.ReceiverAccount);
        return PortalResult.SeeOther($"{ApprovalLinks.WatchPath}?token={Uri.EscapeDataString(http.Query["token"].ToString())}");
    }

    /// <summary>GET /api/watch/live?token=…</summary>
    public async Task<PortalResult> WatchLiveAsync(DurableTaskClient client, HttpRequest http)
    {
        var (_, _, peering, refusal) = await AuthorizeAsync(client, http, LinkPurpose.Watch);
        if (refusal is not null)
        {
            return PortalResult.Problem(refusal.StatusCode, "This link is not valid.", "Open the link again for details.");
        }

        return await LiveJsonAsync(client, peering!, http.HttpContext.RequestAborted);
    }

    // ---- Shared -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// The token, then the peering it names: same receiver, same pcx; and for a decision, still waiting. Every refusal
    /// is a page that says why and changes nothing.
    /// </summary>
    private async Task<(LinkClaims? Claims, OrchestrationMetadata? Instance, PeeringSnapshot? Peering, PortalResult? Refusal)> AuthorizeAsync(
        DurableTaskClient client, HttpRequest http, LinkPurpose purpose)
    {
        var check = tokens.Check(http.Query["token"].ToString(), purpose);
        switch (check.Verdict)
        {
            case LinkVerdict.Missing:
                return Refuse(StatusCodes.Status401Unauthorized, "Open the link you were sent",
                    "This page needs the full link from the message that asked you to decide.");
            case LinkVerdict.NotConfigured:
                return Refuse(StatusCodes.Status503ServiceUnavailable, "Approval links are switched off",
                    "This app has no signing key for approval links. Decide through the API or chat instead. Nothing was changed.");
            case LinkVerdict.Expired:
                return Refuse(StatusCodes.Status410Gone, "This link has expired",
                    $"It was valid until {check.Claims!.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. Nothing was changed.",
                    purpose == LinkPurpose.Decide ? "When the deadline passes without a decision the request is withdrawn; ask the requester to send a new one." : null);
            case not LinkVerdict.Valid:
                return Refuse(StatusCodes.Status403Forbidden, "This link is not valid",
                    "It may have been changed or cut short when it was copied. Nothing was changed.",
                    "Open the link from the original message in full, or ask the requester for a new one.");
        }

        var claims = check.Claims!;
        var instance = await operations.FindAsync(client, claims.InstanceId, http.HttpContext.RequestAborted);
        if (instance is null)
        {
            // A link we signed, for a peering this app has no record of: not tampering, but a lost or purged record.
            return Refuse(StatusCodes.Status410Gone, "This request no longer exists here",
                "This app has no record of the peering request this link was for, for example because it was restarted " +
                "and its in-memory record is gone. Nothing was changed.",
                "Tencent may still show the request as pending until it expires. Ask the requester to send a new request if the peering is still wanted.");
        }

        var peering = PeeringSnapshot.From(instance) with { Health = await HealthOfAsync(instance.InstanceId, http.HttpContext.RequestAborted) };
        if (peering.PeeringConnectionId != claims.PeeringConnectionId)
        {
            // The instance id of a VPC pair is reused by its next peering: a link to an earlier request stays dead.
            return Refuse(StatusCodes.Status410Gone, "This request is over",
                "The peering request this link was for no longer exists. Nothing was changed.");
        }

        if (!string.Equals(peering.Request.Receiver.Account, claims.ReceiverAccount, StringComparison.Ordinal))
        {
            return Refuse(StatusCodes.Status403Forbidden, "This link is not valid", "It was not issued for this peering's receiver. Nothing was changed.");
        }

        if (purpose == LinkPurpose.Decide && !peering.IsWaitingForDecision)
        {
            return (claims, instance, peering, AlreadyDecided(peering.State));
        }

        return (claims, instance, peering, null);

        (LinkClaims?, OrchestrationMetadata?, PeeringSnapshot?, PortalResult?) Refuse(int status, string heading, string text, string? more = null) =>
            (null, null, null, Page(status, heading, MessagePage.Body(heading, text, more), Audience.LinkHolder));
    }

    /// <summary>The registry's health of the peering (Unchecked until the watcher's first look); null when it holds no record.</summary>
    private async Task<PeeringFunctions.Registry.PeeringHealth?> HealthOfAsync(string id, CancellationToken cancellationToken) =>
        await operations.TryGetRecordAsync(id, cancellationToken) is { } record ? record.Health ?? PeeringFunctions.Registry.PeeringHealth.Unchecked : null;

    /// <summary>An approval form's decision: "accept" or "reject", or the page that says the form did not choose.</summary>
    private async Task<(string? Decision, PortalResult? Refusal)> ReadDecisionAsync(HttpRequest http)
    {
        var (fields, tooLarge) = await ReadFormAsync(http);
        if (tooLarge)
        {
            return (null, FormTooLarge(Audience.LinkHolder));
        }

        var decision = fields?["decision"].ToString();
        return decision is "accept" or "reject"
            ? (decision, null)
            : (null, Page(StatusCodes.Status400BadRequest, "Choose accept or reject",
                MessagePage.Body("Choose accept or reject", "The form did not say whether to accept or reject. Nothing was changed."), Audience.LinkHolder));
    }

    private PortalResult AlreadyDecided(string state) => Page(StatusCodes.Status409Conflict, "Already decided", MessagePage.Body(
        "This request is no longer waiting for a decision",
        $"It is {StatusView.Words(state)} now. An approval link works once; this visit changed nothing."), Audience.LinkHolder);

    /// <summary>GET /api/approve/topology?token=…: a receiving account's page for all its pairs of one topology.</summary>
    public async Task<PortalResult> TopologyApprovalAsync(DurableTaskClient client, HttpRequest http)
    {
        var (claims, _, start, deadline, refusal) = await AuthorizeTopologyAsync(client, http);
        return refusal ?? Page(StatusCodes.Status200OK, $"Topology request for {claims!.ReceiverAccount}",
            TopologyApprovalPage.Body(start!, claims.ReceiverAccount, TopologyPage.CidrsOf(start!), deadline, time.GetUtcNow()), Audience.LinkHolder);
    }

    /// <summary>
    /// POST /api/approve/topology?token=… (decision=accept|reject): the account's one decision for all its pairs, through
    /// <see cref="PeeringFunctions.Peerings.Topologies.TopologyOperations.DecideAsync"/> like the API's and chat's.
    /// </summary>
    public async Task<PortalResult> TopologyDecideAsync(DurableTaskClient client, HttpRequest http)
    {
        if (CrossSite(http) is { } refused)
        {
            return refused;
        }

        var (claims, instance, _, _, refusal) = await AuthorizeTopologyAsync(client, http);
        if (refusal is not null)
        {
            return refusal;
        }

        var (decision, unclear) = await ReadDecisionAsync(http);
        if (unclear is not null)
        {
            return unclear;
        }

        var account = claims!.ReceiverAccount;
        var result = await topologies.DecideAsync(
            client, instance!, account, accept: decision == "accept", DecisionSources.Http, $"approver of {account} (approval link)",
            ApprovalTokens.DecisionKeyOf(http.Query["token"].ToString()), http.HttpContext.RequestAborted, channel: AuditChannels.ApprovalLink);
        if (!result.Raised)
        {
            return Page(StatusCodes.Status409Conflict, "Already decided", MessagePage.Body("This request is no longer waiting for your decision",
                result.Taken is { } taken
                    ? $"{account} has decided already: {taken.Decision} ({taken.DecidedBy}). This visit changed nothing."
                    : $"The topology is {result.State} now. An approval link works once; this visit changed nothing."), Audience.LinkHolder);
        }

        logger.LogInformation("Topology approval link: {Decision} for {TopologyId} by an approver of {Account}", decision, claims.InstanceId, account);
        var words = decision == "accept" ? "accepted" : "rejected";
        return Page(StatusCodes.Status200OK, "Decision recorded", MessagePage.Body(
            $"You {words} the topology for {account}",
            $"Your decision covers every peering of “{claims.InstanceId}” that {account} was asked to accept." +
            (result.Confirmed ? "" : " The workflow has it and will take it up shortly.")), Audience.LinkHolder);
    }

    /// <summary>
    /// The token, then the topology it names: the same run (its consent deadline), an account it asked, still waiting for
    /// that account. Every refusal is a page that says why and changes nothing.
    /// </summary>
    private async Task<(LinkClaims? Claims, OrchestrationMetadata? Instance, TopologyStart? Start, DateTime? Deadline, PortalResult? Refusal)> AuthorizeTopologyAsync(
        DurableTaskClient client, HttpRequest http)
    {
        var check = tokens.Check(http.Query["token"].ToString(), LinkPurpose.DecideTopology);
        switch (check.Verdict)
        {
            case LinkVerdict.Missing:
                return Refuse(StatusCodes.Status401Unauthorized, "Open the link you were sent", "This page needs the full link from the message that asked you to decide.");
            case LinkVerdict.NotConfigured:
                return Refuse(StatusCodes.Status503ServiceUnavailable, "Approval links are switched off",
                    "This app has no signing key for approval links. Decide through the API or chat instead. Nothing was changed.");
            case LinkVerdict.Expired:
                return Refuse(StatusCodes.Status410Gone, "This link has expired",
                    $"It was valid until {check.Claims!.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; an account that did not decide by then has its peerings dropped. Nothing was changed.");
            case not LinkVerdict.Valid:
                return Refuse(StatusCodes.Status403Forbidden, "This link is not valid",
                    "It may have been changed or cut short when it was copied. Nothing was changed.",
                    "Open the link from the original message in full, or ask the requester for a new one.");
        }

        var claims = check.Claims!;
        var instance = await topologies.FindAsync(client, claims.InstanceId, http.HttpContext.RequestAborted);
        if (instance?.ReadInputAs<TopologyStart>() is not { } start)
        {
            return Refuse(StatusCodes.Status410Gone, "This request no longer exists here",
                "This app has no record of the topology this link was for. Nothing was changed.");
        }

        var progress = instance.ReadCustomStatusAs<TopologyProgress>();
        var deadline = progress?.ConsentDeadline;
        var sameRun = deadline is { } at
            && ApprovalLinks.TopologyRunBinding(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))) == claims.PeeringConnectionId;
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Running || progress?.Step != TopologySteps.WaitingForConsent || !sameRun)
        {
            // Ended, past its consent, or a later run of the same name (another deadline): the link is spent.
            return Refuse(StatusCodes.Status409Conflict, "This request is no longer waiting for a decision",
                $"The topology is {PeeringFunctions.Peerings.Topologies.TopologyOperations.StateOf(instance)} now. An approval link works once; this visit changed nothing.");
        }

        if (!start.Consents.Any(c => c.Account == claims.ReceiverAccount))
        {
            return Refuse(StatusCodes.Status403Forbidden, "This link is not valid", "It was not issued for an account this topology asks. Nothing was changed.");
        }

        if (progress.Accounts.FirstOrDefault(a => a.Account == claims.ReceiverAccount) is { Decision: not ConsentStates.Waiting } decided)
        {
            return Refuse(StatusCodes.Status409Conflict, "Already decided",
                $"{decided.Account} has decided already: {decided.Decision} ({decided.DecidedBy}). An approval link works once; this visit changed nothing.");
        }

        return (claims, instance, start, deadline, null);

        (LinkClaims?, OrchestrationMetadata?, TopologyStart?, DateTime?, PortalResult?) Refuse(int status, string heading, string text, string? more = null) =>
            (null, null, null, null, Page(status, heading, MessagePage.Body(heading, text, more), Audience.LinkHolder));
    }

    /// <summary>GET /api/portal/topologies/{id}: the topology as a graph, its accounts' consent and its pairs; live while it runs.</summary>
    public async Task<PortalResult> TopologyAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (view, cidrs) = await TopologyViewAsync(client, id, http.HttpContext.RequestAborted);
        if (view is null)
        {
            return Page(StatusCodes.Status404NotFound, "No such topology", MessagePage.Body(
                "No such topology", $"There is no topology with id “{(id.Length > 80 ? id[..80] : id)}”.", linkHref: PortalPath, linkText: "All peerings"), Audience.Portal);
        }

        var terminal = TopologyPage.IsTerminal(view);
        var refresh = terminal ? 0 : Math.Max(1, (int)Math.Round(options.CurrentValue.RefreshInterval.TotalSeconds));
        return PortalResult.Page(StatusCodes.Status200OK, Layout.Render(new PageModel(
            $"Topology {view.Name}", TopologyPage.Body(view, cidrs), Audience.Portal,
            terminal ? null : HttpRoutes.PathOf(HttpRoutes.PortalTopologyLive, view.Id), refresh)));
    }

    /// <summary>GET /api/portal/topologies/{id}/live: the page's live parts as JSON, for its script.</summary>
    public async Task<PortalResult> TopologyLiveAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (view, cidrs) = await TopologyViewAsync(client, id, http.HttpContext.RequestAborted);
        return view is null
            ? PortalResult.Problem(StatusCodes.Status404NotFound, "No such topology.", $"There is no topology with id '{(id.Length > 80 ? id[..80] : id)}'.")
            : PortalResult.Json(new
            {
                state = view.State,
                terminal = TopologyPage.IsTerminal(view),
                announce = TopologyPage.Announce(view),
                html = TopologyPage.LiveParts(view, cidrs),
            });
    }

    private async Task<(PeeringFunctions.Peerings.Topologies.TopologyView? View, IReadOnlyDictionary<string, string> Cidrs)> TopologyViewAsync(
        DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var instance = await topologies.FindAsync(client, id, cancellationToken);
        var view = instance is null ? null : await topologies.GetAsync(client, id, cancellationToken);
        var start = instance?.ReadInputAs<TopologyStart>();
        return (view, start is null ? new Dictionary<string, string>() : TopologyPage.CidrsOf(start));
    }

    private PortalResult NotFoundPage(string id) => Page(StatusCodes.Status404NotFound, "No such peering", MessagePage.Body(
        "No such peering", $"There is no peering with id “{(id.Length > 80 ? id[..80] : id)}”.", linkHref: PortalPath, linkText: "All peerings"), Audience.Portal);

    /// <param name="below">What follows the live part (the audit section on the portal's page), not refreshed live.</param>
    private PortalResult StatusPage(
        PeeringSnapshot peering, IReadOnlyList<StepState> steps, string picture, Audience audience, string liveUrl, string? intro, string? below = null)
    {
        var refresh = peering.IsTerminal ? 0 : Math.Max(1, (int)Math.Round(options.CurrentValue.RefreshInterval.TotalSeconds));
        var page = new PageModel(peering.Request.Name, StatusView.Body(peering, steps, picture, intro) + below, audience,
            peering.IsTerminal ? null : liveUrl, refresh);
        return PortalResult.Page(StatusCodes.Status200OK, Layout.Render(page));
    }

    private async Task<PortalResult> LiveJsonAsync(DurableTaskClient client, PeeringSnapshot peering, CancellationToken cancellationToken)
    {
        var (steps, picture) = await LiveAsync(client, peering, cancellationToken);
        return PortalResult.Json(new
        {
            state = peering.State,
            terminal = peering.IsTerminal,
            peeringConnectionId = peering.PeeringConnectionId,
            announce = StatusView.Announce(peering, steps),
            html = StatusView.LiveParts(peering, steps, picture),
        });
    }

    private async Task<(IReadOnlyList<StepState> Steps, string Picture)> LiveAsync(DurableTaskClient client, PeeringSnapshot peering, CancellationToken cancellationToken)
    {
        var times = await TimesAsync(client, peering, cancellationToken);
        var state = await network.ReadAsync(peering.Request, peering.PeeringConnectionId, CacheKey(peering), cancellationToken);
        return (StepLine.Build(peering, times), NetworkPicture.Render(state, "status-picture"));
    }

    /// <summary>
    /// Step times: from the history where the backend streams it (read again only when the instance changed), else
    /// from what this process has observed (<see cref="StepClock"/>).
    /// </summary>
    private async Task<StepTimes> TimesAsync(DurableTaskClient client, PeeringSnapshot peering, CancellationToken cancellationToken)
    {
        clock.Observe(peering);
        if (Volatile.Read(ref historyUnsupported) != 0)
        {
            return clock.TimesOf(peering);
        }

        if (stepTimes.TryGetValue(peering.InstanceId, out var cached) && cached.Version == peering.LastUpdatedAt)
        {
            return cached.Times.IsEmpty ? clock.TimesOf(peering) : cached.Times;
        }

        try
        {
            var history = await client.GetOrchestrationHistoryAsync(peering.InstanceId, cancellationToken);
            var times = StepTimes.FromHistory(history);
            if (stepTimes.Count > 1000)
            {
                stepTimes.Clear();
            }

            stepTimes[peering.InstanceId] = (peering.LastUpdatedAt, times);
            return times.IsEmpty ? clock.TimesOf(peering) : times;
        }
        catch (NotSupportedException)
        {
            Interlocked.Exchange(ref historyUnsupported, 1);
            logger.LogInformation("The Durable backend does not stream history: step times are the pages' observations");
            return clock.TimesOf(peering);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Reading the history of {InstanceId} failed: {Error}", peering.InstanceId, error.GetType().Name);
            return clock.TimesOf(peering);
        }
    }

    /// <summary>The moment a picture shows: a new step, pcx or side state reads Tencent again.</summary>
    private static string CacheKey(PeeringSnapshot peering) => string.Join('|',
        peering.InstanceId, peering.RuntimeStatus, peering.Progress?.Step, peering.PeeringConnectionId,
        peering.Progress?.Initiator.State, peering.Progress?.Receiver.State, peering.Outcome?.Status);

    private static PortalResult Page(int status, string title, string body, Audience audience, string? current = null) =>
        PortalResult.Page(status, Layout.Render(new PageModel(title, body, audience, Current: current)));

    /// <summary>
    /// A form post from another site (a page that hopes the browser can reach this app) is refused. Browsers say where
    /// a request comes from in Sec-Fetch-Site; older ones only in Origin. "Origin: null" is what a sandboxed frame, a
    /// data: URL or a cross-site redirect sends, a page hiding where it is: it counts as another site.
    /// </summary>
    private static PortalResult? CrossSite(HttpRequest http)
    {
        var site = http.Headers["Sec-Fetch-Site"].ToString();
        var origin = http.Headers.Origin.ToString();
        var allowed = origin != "null" && (site.Length > 0
            ? site is "same-origin" or "none"
            : origin.Length == 0
                || (Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, http.Host.Value, StringComparison.OrdinalIgnoreCase)));
        return allowed
            ? null
            : Page(StatusCodes.Status403Forbidden, "Refused", MessagePage.Body(
                "Refused", "This form can only be sent from this app's own page. Nothing was changed."), Audience.LinkHolder);
    }

    /// <summary>
    /// The url-encoded form, read through <see cref="BoundedBody"/>: a body over <see cref="MaxFormBytes"/> (chunked
    /// or not) is refused while it is read, before anything is parsed. Fields is null when it is no such form.
    /// </summary>
    private static async Task<(IFormCollection? Fields, bool TooLarge)> ReadFormAsync(HttpRequest http)
    {
        if (!http.HasFormContentType
            || !(http.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, false);
        }

        if (await BoundedBody.ReadAsync(http, MaxFormBytes) is not { } body)
        {
            return (null, true);
        }

        try
        {
            return (new FormCollection(new FormReader(Encoding.UTF8.GetString(body)).ReadForm()), false);
        }
        catch (InvalidDataException)
        {
            return (null, false);
        }
    }

    private static PortalResult FormTooLarge(Audience audience) => Page(StatusCodes.Status413PayloadTooLarge, "Form too large",
        MessagePage.Body("Form too large", $"A form is at most {MaxFormBytes / 1024} KB; this one was refused unread. Nothing was changed."), audience);

    /// <summary>
    /// After the form post, the status page keeps the page's ?code= (the portal's function key) when that is how the
    /// browser authenticated: the key goes back only where it came from, and is never written into a page.
    /// </summary>
    private static string WithKey(string path, HttpRequest http) =>
        http.Query["code"].ToString() is { Length: > 0 } code ? $"{path}?code={Uri.EscapeDataString(code)}" : path;
}
