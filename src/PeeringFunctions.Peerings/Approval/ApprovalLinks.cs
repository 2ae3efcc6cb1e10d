using Microsoft.Extensions.Options;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Peerings.Approval;

/// <summary>
/// Makes the link a receiver is sent ("please accept this peering"): {Portal:BaseUrl}/api/approve?token=…, a signed
/// token bound to the peering instance, its Tencent peering connection and the receiver account, expiring at the
/// acceptance deadline. Call it where the receiver is notified (the chat notifier, the local host's console); the
/// Functions app exposes no way to mint one over HTTP.
/// </summary>
public sealed class ApprovalLinks(ApprovalTokens tokens, IOptionsMonitor<PortalOptions> options, TimeProvider time)
{
    public const string ApprovePath = $"{HttpRoutes.Prefix}/{HttpRoutes.Approve}";
    public const string WatchPath = $"{HttpRoutes.Prefix}/{HttpRoutes.Watch}";
    public const string ApproveTopologyPath = $"{HttpRoutes.Prefix}/{HttpRoutes.ApproveTopology}";

    /// <summary>False when no signing key is configured: then send the receiver the API's accept route instead.</summary>
    public bool CanCreate => tokens.CanIssue;

    /// <summary>The approval link for a receiver; expires at <paramref name="acceptanceDeadlineUtc"/>.</summary>
    /// <param name="baseUrl">Overrides Portal:BaseUrl (the local host passes the address it is bound to).</param>
    public string Create(string instanceId, string peeringConnectionId, string receiverAccount, DateTime acceptanceDeadlineUtc, string? baseUrl = null)
    {
        var expires = new DateTimeOffset(DateTime.SpecifyKind(acceptanceDeadlineUtc, DateTimeKind.Utc));
        var token = tokens.Issue(new LinkClaims(LinkPurpose.Decide, instanceId, peeringConnectionId, receiverAccount, expires));
        return $"{Base(baseUrl)}{ApprovePath}?token={token}";
    }

    /// <summary>
    /// The approval link for a receiver notice, or null when there is none to send: an external receiver (it
    /// decides in its own Tencent console) or no signing key.
    /// </summary>
    public string? TryCreate(NotifyReceiverInput notice, string? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.ReceiverAccount is { } receiver && CanCreate
            ? Create(notice.InstanceId, notice.PeeringConnectionId, receiver, notice.AcceptanceDeadline, baseUrl)
            : null;
    }

    /// <summary>
    /// A receiving account's link to decide on all its pairs of one topology run; expires at the consent deadline,
    /// which it is also bound to (a later run of the same topology name has another deadline, so an old link stays dead).
    /// </summary>
    public string CreateForTopology(string topologyId, string account, DateTime consentDeadlineUtc, string? baseUrl = null)
    {
        var expires = new DateTimeOffset(DateTime.SpecifyKind(consentDeadlineUtc, DateTimeKind.Utc));
        var token = tokens.Issue(new LinkClaims(LinkPurpose.DecideTopology, topologyId, TopologyRunBinding(expires), account, expires));
        return $"{Base(baseUrl)}{ApproveTopologyPath}?token={token}";
    }

    /// <summary>What a topology link carries in place of a pcx: the run's consent deadline, to the second.</summary>
    public static string TopologyRunBinding(DateTimeOffset consentDeadline) =>
        "consent-" + consentDeadline.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The status link the receiver gets after deciding: the same peering, read only, for a day or so.</summary>
    public string Watch(LinkClaims decided) =>
        $"{WatchPath}?token={tokens.Issue(decided with { Purpose = LinkPurpose.Watch, ExpiresAt = time.GetUtcNow() + options.CurrentValue.WatchLinkLifetime })}";

    private string Base(string? baseUrl) => (baseUrl ?? options.CurrentValue.BaseUrl ?? "").TrimEnd('/');
}
