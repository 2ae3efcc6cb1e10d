using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Web;

namespace PeeringFunctions.HttpApi;

/// <summary>GET /api/peerings/{id}/audit (portal key): the peering's audit trail, oldest first; 404 for an id we do not know.</summary>
public sealed class PeeringAuditApi(PeeringOperations operations)
{
    public async Task<ApiResponse> GetAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        var entries = await operations.AuditAsync(client, id, http.HttpContext.RequestAborted);
        return entries is null
            ? ApiResponse.Problem(StatusCodes.Status404NotFound, "No such peering.", $"There is no peering with id '{(id.Length > 80 ? id[..80] : id)}'.")
            : ApiResponse.Ok(new { id, count = entries.Count, entries = entries.Select(AuditEntryView.Of).ToList() });
    }
}

/// <summary>One entry as the API, the status page and chat show it (its key and peering id are the store's business).</summary>
public sealed record AuditEntryView(DateTimeOffset At, string Kind, string Actor, string Channel, string Summary, string? RequestId)
{
    public static AuditEntryView Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.At, entry.Kind, entry.Actor, entry.Channel, entry.Summary, entry.RequestId);
    }
}
