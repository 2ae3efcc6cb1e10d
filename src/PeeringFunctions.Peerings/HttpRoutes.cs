namespace PeeringFunctions.Peerings;

/// <summary>
/// The app's HTTP routes, written once, under the "api" prefix both hosts put before them: the Functions triggers
/// name them in their attributes, the local host maps them, and links (approval, status) are built from them. A test
/// checks that the local host serves exactly the routes, methods and auth levels of the generated functions.metadata.
/// </summary>
public static class HttpRoutes
{
    public const string Prefix = "/api";

    public const string Peerings = "peerings";
    public const string Peering = "peerings/{id}";
    public const string Accept = "peerings/{id}/accept";
    public const string Reject = "peerings/{id}/reject";
    public const string Repair = "peerings/{id}/repair";
    public const string ExtendRoutes = "peerings/{id}/extend-routes";

    /// <summary>The peering's audit trail (portal key).</summary>
    public const string Audit = "peerings/{id}/audit";

    // Literal segments: both hosts' routing prefers them to peerings/{id}, and neither is a peering id's shape.
    public const string Discovered = "peerings/discovered";
    public const string Adopt = "peerings/adopt";

    /// <summary>Either side's approvers tear a peering down with their approver key (DELETE is the portal key's).</summary>
    public const string Teardown = "peerings/{id}/teardown";

    // Topologies (issue 18): many peerings declared once, one consent per receiving account.
    public const string Topologies = "topologies";
    public const string Topology = "topologies/{id}";
    public const string TopologyAccept = "topologies/{id}/accept";
    public const string TopologyReject = "topologies/{id}/reject";

    /// <summary>Adds a member to an ended topology: its own pairs are planned and consented (the portal key's).</summary>
    public const string TopologyMembers = "topologies/{id}/members";

    public const string SlackCommands = "chat/slack/commands";
    public const string SlackInteractions = "chat/slack/interactions";
    public const string WeCom = "chat/wecom";
    public const string Teams = "chat/teams";

    public const string Portal = "portal";
    public const string PortalNew = "portal/new";
    public const string PortalDiscovered = "portal/discovered";
    public const string PortalPeering = "portal/peerings/{id}";
    public const string PortalPeeringLive = "portal/peerings/{id}/live";
    public const string PortalTopology = "portal/topologies/{id}";
    public const string PortalTopologyLive = "portal/topologies/{id}/live";

    public const string Approve = "approve";

    /// <summary>A receiving account's topology approval link (the signed link is the credential).</summary>
    public const string ApproveTopology = "approve/topology";
    public const string Watch = "watch";
    public const string WatchLive = "watch/live";

    /// <summary>The receiver's teardown button on its status link page (the signed link is the credential).</summary>
    public const string WatchTeardown = "watch/teardown";

    /// <summary>The local host only: its health check (the Functions host has its own).</summary>
    public const string Health = "health";

    /// <summary>The path of <paramref name="route"/> for a link, with the peering id (escaped) in place of {id}.</summary>
    public static string PathOf(string route, string? id = null) =>
        $"{Prefix}/{(id is null ? route : route.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal))}";
}
