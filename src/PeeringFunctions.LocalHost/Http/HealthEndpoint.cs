using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Registry;
using PeeringFunctions.Web;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// GET /api/health: the Durable engine answers; where it and the registry keep their state (never a connection string);
/// and which Tencent the host talks to (aliases and UINs only).
/// </summary>
internal static class HealthEndpoint
{
    public static async Task<ApiResponse> CheckAsync(
        DurableTaskClient client, TencentTarget tencent, DurableBackendOptions backend, IOptions<RegistryOptions> registry, HttpContext http)
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
            durable = backend.Kind == DurableBackendKind.AzureStorage ? $"in-process (Azure Storage, task hub {backend.TaskHubName})" : "in-process (in-memory)",
            registry = registry.Value.Describe(),
            tencent = tencent.IsEmbeddedEmulator ? "embedded emulator" : "configured endpoint",
            tencentUrl = tencent.ApiUrl,
            accounts = tencent.Accounts.Select(a => new { alias = a.Alias, uin = a.Uin }),
        });
    }
}
