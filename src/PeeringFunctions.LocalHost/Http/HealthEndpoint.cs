using Microsoft.DurableTask.Client;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Web;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>GET /api/health: the Durable engine answers, and which Tencent the host talks to (aliases and UINs only).</summary>
internal static class HealthEndpoint
{
    public static async Task<ApiResponse> CheckAsync(DurableTaskClient client, TencentTarget tencent, HttpContext http)
    {
        try
        {
            // Any query round-trips through the sidecar; the id need not exist.
            await client.GetInstanceAsync("health-probe", getInputsAndOutputs: false, http.RequestAborted);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new ApiResponse(StatusCodes.Status503ServiceUnavailable, new { status = "Unhealthy", durable = error.GetType().Name });
        }

        return ApiResponse.Ok(new
        {
            status = "Healthy",
            durable = "in-process (in-memory)",
            tencent = tencent.IsEmbeddedEmulator ? "embedded emulator" : "configured endpoint",
            tencentUrl = tencent.ApiUrl,
            accounts = tencent.Accounts.Select(a => new { alias = a.Alias, uin = a.Uin }),
        });
    }
}
