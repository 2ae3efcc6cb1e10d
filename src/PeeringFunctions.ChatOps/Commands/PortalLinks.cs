using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings;

namespace PeeringFunctions.ChatOps.Commands;

/// <summary>Links people can follow: {Portal:BaseUrl}/api/peerings/{id} and its accept/reject endpoints.</summary>
public sealed class PortalLinks(IOptionsMonitor<PortalOptions> options)
{
    public string Status(string instanceId) => $"{Base}/api/peerings/{Uri.EscapeDataString(instanceId)}";

    /// <summary>POST with "Authorization: Bearer {approver key}".</summary>
    public string Accept(string instanceId) => Status(instanceId) + "/accept";

    public string Reject(string instanceId) => Status(instanceId) + "/reject";

    public string List(string? state) =>
        string.IsNullOrEmpty(state) ? $"{Base}/api/peerings" : $"{Base}/api/peerings?state={Uri.EscapeDataString(state)}";

    private string Base => (options.CurrentValue.BaseUrl ?? "").TrimEnd('/');
}
