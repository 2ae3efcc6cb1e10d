using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.ChatOps.Commands;

/// <summary>Links people can follow: {Portal:BaseUrl}/api/peerings/{id} and its accept/reject endpoints.</summary>
public sealed class PortalLinks(IOptionsMonitor<PortalOptions> options)
{
    public string Status(string instanceId) => Base + HttpRoutes.PathOf(HttpRoutes.Peering, instanceId);

    /// <summary>POST with "Authorization: Bearer {approver key}".</summary>
    public string Accept(string instanceId) => Base + HttpRoutes.PathOf(HttpRoutes.Accept, instanceId);

    public string Reject(string instanceId) => Base + HttpRoutes.PathOf(HttpRoutes.Reject, instanceId);

    public string Topology(string topologyId) => Base + HttpRoutes.PathOf(HttpRoutes.Topology, topologyId);

    /// <summary>POST with "Authorization: Bearer {approver key}": one receiving account's consent to a topology.</summary>
    public string TopologyAccept(string topologyId) => Base + HttpRoutes.PathOf(HttpRoutes.TopologyAccept, topologyId);

    public string List(string? state) =>
        Base + HttpRoutes.PathOf(HttpRoutes.Peerings) + (string.IsNullOrEmpty(state) ? "" : $"?state={Uri.EscapeDataString(state)}");

    private string Base => (options.CurrentValue.BaseUrl ?? "").TrimEnd('/');
}
