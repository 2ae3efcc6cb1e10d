using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Portal;
using PeeringFunctions.Portal.Status;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.LocalHost.Http;

/// <summary>
/// The web pages on the local host, at the same routes as the Functions app (src/PeeringFunctions/Triggers/Pages): the portal
/// pages behind <see cref="FunctionKeyFilter"/>, the link pages open (their token is the credential). Each route only
/// hands the request to <see cref="PortalHandlers"/>.
/// </summary>
internal static class PortalEndpoints
{
    /// <summary>Portal:PrintApprovalLinks — print each waiting receiver's approval link (default: on for the command-line host).</summary>

    /// <summary>
    /// The pages' services. Without Portal:ApprovalSigningKey the local host signs approval links with a random key
    /// made at start-up (links die with the process). Having no chat, it stands in for the receiver's notification by
    /// printing the approval link of each peering that starts waiting for a managed receiver.
    /// </summary>
    public static IServiceCollection AddLocalPortal(this IServiceCollection services, LocalHostOptions options)
    {
        services.AddPeeringPortal();
        services.AddSingleton<IHostedService>(provider => new ApprovalLinkPrinter(
            provider.GetRequiredService<DurableTaskClient>(),
            provider.GetRequiredService<ApprovalLinks>(),
            provider.GetRequiredService<ApprovalSigningKey>(),
            provider.GetRequiredService<StepClock>(),
            provider.GetRequiredService<IServer>(),
            provider.GetRequiredService<IOptions<PortalOptions>>().Value,
            printByDefault: options.HandleConsoleSignals,
            Console.Out,
            provider.GetRequiredService<ILogger<ApprovalLinkPrinter>>()));
        return services;
    }

    /// <param name="api">The /api group.</param>
    public static void MapPortal(this IEndpointRouteBuilder api)
    {
        api.MapGet(HttpRoutes.Portal, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.ListAsync(client, request))
            .RequireFunctionKey();
        api.MapGet(HttpRoutes.PortalNew, (PortalHandlers pages, HttpRequest request) => pages.NewAsync(request)).RequireFunctionKey();
        api.MapPost(HttpRoutes.PortalNew, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.SubmitAsync(client, request))
            .RequireFunctionKey().DisableAntiforgery();
        api.MapGet(HttpRoutes.PortalDiscovered, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.DiscoveredAsync(client, request))
            .RequireFunctionKey();
        api.MapPost(HttpRoutes.PortalDiscovered, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.AdoptAsync(client, request))
            .RequireFunctionKey().DisableAntiforgery();
        api.MapGet(HttpRoutes.PortalPeering, (string id, PortalHandlers pages, DurableTaskClient client, HttpRequest request) =>
            pages.StatusAsync(client, id, request)).RequireFunctionKey();
        api.MapPost(HttpRoutes.PortalPeering, (string id, PortalHandlers pages, DurableTaskClient client, HttpRequest request) =>
            pages.RepairAsync(client, id, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.PortalTopology, (string id, PortalHandlers pages, DurableTaskClient client, HttpRequest request) =>
            pages.TopologyAsync(client, id, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.PortalTopologyLive, (string id, PortalHandlers pages, DurableTaskClient client, HttpRequest request) =>
            pages.TopologyLiveAsync(client, id, request)).RequireFunctionKey();
        api.MapGet(HttpRoutes.PortalPeeringLive, (string id, PortalHandlers pages, DurableTaskClient client, HttpRequest request) =>
            pages.StatusLiveAsync(client, id, request)).RequireFunctionKey();

        // The receiver's links: the signed token is the credential, never the portal's key.
        api.MapGet(HttpRoutes.Approve, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.ApprovalAsync(client, request));
        api.MapPost(HttpRoutes.Approve, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.DecideAsync(client, request))
            .DisableAntiforgery();
        api.MapGet(HttpRoutes.ApproveTopology, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.TopologyApprovalAsync(client, request));
        api.MapPost(HttpRoutes.ApproveTopology, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.TopologyDecideAsync(client, request))
            .DisableAntiforgery();
        api.MapGet(HttpRoutes.Watch, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.WatchAsync(client, request));
        api.MapGet(HttpRoutes.WatchLive, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.WatchLiveAsync(client, request));
        api.MapPost(HttpRoutes.WatchTeardown, (PortalHandlers pages, DurableTaskClient client, HttpRequest request) => pages.TeardownFromLinkAsync(client, request))
            .DisableAntiforgery();
    }
}

/// <summary>
/// The local host's stand-in for the receiver's notification: once per peering (and pcx) that waits for a managed
/// receiver, one console line with the approval link. Only on the local host; the Functions app has no such thing.
/// Looking every half second, it also gives the status page's progress line its step times.
/// </summary>
internal sealed class ApprovalLinkPrinter(
    DurableTaskClient client,
    ApprovalLinks links,
    ApprovalSigningKey key,
    StepClock clock,
    IServer server,
    PortalOptions portal,
    bool printByDefault,
    TextWriter output,
    ILogger<ApprovalLinkPrinter> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly HashSet<string> printed = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Printed when Portal:PrintApprovalLinks says so, else when the host runs in a console.
        if (!links.CanCreate || !(portal.PrintApprovalLinks ?? printByDefault))
        {
            return;
        }

        var baseUrl = portal.BaseUrl is { Length: > 0 } configured ? configured : null;
        var introduced = false;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!introduced)
                {
                    // After the first tick, so it follows the host's banner.
                    introduced = true;
                    await output.WriteLineAsync(
                        $"Portal: {Base(baseUrl)}/api/portal. A receiver's approval link is printed here when a peering waits for it" +
                        (key.IsEphemeral ? " (signed with a random key for this run; set Portal:ApprovalSigningKey to keep links valid across restarts)." : "."));
                }

                var query = new OrchestrationQuery
                {
                    InstanceIdPrefix = PeeringInstanceIds.Prefix,
                    Statuses = [OrchestrationRuntimeStatus.Running],
                    FetchInputsAndOutputs = true,
                    PageSize = 100,
                };
                await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(stoppingToken))
                {
                    // While it looks, it also times each peering's steps for the status page (the in-memory engine keeps no readable history).
                    var peering = clock.Observe(instance);
                    if (peering?.Progress is not { Step: PeeringSteps.WaitingForAcceptance, PeeringConnectionId: { } pcx, AcceptanceDeadline: { } deadline }
                        || peering.Request.Receiver.Account is not { } receiver
                        || !printed.Add($"{instance.InstanceId}|{pcx}"))
                    {
                        continue;
                    }

                    var link = links.Create(instance.InstanceId, pcx, receiver, deadline, Base(baseUrl));
                    await output.WriteLineAsync($"Approval link for {receiver} ({instance.InstanceId}, {pcx}, until {deadline:yyyy-MM-dd HH:mm:ss} UTC): {link}");
                }

                await PrintTopologyLinksAsync(Base(baseUrl), stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogDebug("Looking for waiting peerings failed: {Error}", error.GetType().Name);
            }
        }
    }

    /// <summary>Each account a running topology still waits for: one line with its topology approval link, once per run.</summary>
    private async Task PrintTopologyLinksAsync(string baseUrl, CancellationToken stoppingToken)
    {
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = PeeringFunctions.Peerings.Topologies.TopologyIds.Prefix,
            Statuses = [OrchestrationRuntimeStatus.Running],
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(stoppingToken))
        {
            if (instance.ReadCustomStatusAs<TopologyProgress>() is not { Step: TopologySteps.WaitingForConsent, ConsentDeadline: { } deadline } progress)
            {
                continue;
            }

            foreach (var account in progress.Accounts.Where(a => a.Decision == ConsentStates.Waiting))
            {
                if (printed.Add($"{instance.InstanceId}|{deadline.Ticks}|{account.Account}"))
                {
                    var link = links.CreateForTopology(instance.InstanceId, account.Account, deadline, baseUrl);
                    await output.WriteLineAsync($"Topology approval link for {account.Account} ({instance.InstanceId}, until {deadline:yyyy-MM-dd HH:mm:ss} UTC): {link}");
                }
            }
        }
    }

    /// <summary>Portal:BaseUrl, else the address the local host is bound to.</summary>
    private string Base(string? configured) =>
        (configured ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? LocalHostOptions.DefaultUrls).TrimEnd('/');
}
