using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests.Support;

/// <summary>
/// The kit's local host with the pages configured — a known signing key, both regions, a one-second refresh — whose
/// reset also drops the pages' cached reads of the emulator.
/// </summary>
public class PortalHostFixture : LocalHostFixture
{
    public const string SigningKey = "portal-tests-signing-key-0123456789abcdef";

    public ApprovalLinks Links => Host.Services.GetRequiredService<ApprovalLinks>();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Portal:ApprovalSigningKey", SigningKey),
        new("Portal:Regions:0", "ap-guangzhou"),
        new("Portal:Regions:1", "ap-shanghai"),
        new("Portal:RefreshInterval", "00:00:01"),
    ];

    protected override void OnReset() => Host.Services.GetRequiredService<Network.NetworkReader>().Invalidate();

    /// <summary>Starts alpha → beta of the demo seed over the API and waits until it waits for beta's decision.</summary>
    public async Task<(string Id, string Pcx, DateTime Deadline)> RequestAlphaToBetaAsync(HttpClient http, string name = "alpha-to-beta")
    {
        var response = await http.PostAsJsonAsync("api/peerings", PeeringRequests.AlphaToBeta(name));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        var progress = await WaitForAsync(id, p => p?.Step == PeeringSteps.WaitingForAcceptance);
        return (id, progress!.PeeringConnectionId!, progress.AcceptanceDeadline!.Value);
    }

    public async Task<PeeringProgress?> WaitForAsync(string id, Func<PeeringProgress?, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            var progress = instance?.ReadCustomStatusAs<PeeringProgress>();
            if (instance is not null && condition(progress))
            {
                return progress;
            }

            Assert.True(DateTime.UtcNow < until, $"{id} did not reach the expected state; it is {instance?.RuntimeStatus} at {progress?.Step}.");
            await Task.Delay(50);
        }
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    private sealed record IdOnly(string Id);
}
