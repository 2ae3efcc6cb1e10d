using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps.Approvers;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Http;
using PeeringFunctions.ChatOps.Notifications;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.ChatOps.Teams;
using PeeringFunctions.ChatOps.Verification;
using PeeringFunctions.ChatOps.WeCom;
using PeeringFunctions.Workflow.Activities;
using Polly;

namespace PeeringFunctions.ChatOps;

public static class ChatOpsRegistration
{
    /// <summary>
    /// Registers the chat webhooks, the command handler and the chat notifier (replacing the default
    /// <see cref="IPeeringNotifier"/>), bound from "ChatOps". Needs the use cases (AddPeerings) and the workflow's
    /// services (AddPeeringWorkflow: ITencentClientFactory) beside it.
    /// </summary>
    public static IServiceCollection AddPeeringChatOps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOpsOptions>()
            .Bind(configuration.GetSection(ChatOpsOptions.SectionName))
            .PostConfigure(options => AddListedApprovers(options, configuration.GetSection(ChatOpsOptions.SectionName).GetSection("Approvers")));

        services.TryAddSingleton<ReplayGuard>();
        services.TryAddSingleton<SlackRequestVerifier>();
        services.TryAddSingleton<WeComRequestVerifier>();
        services.TryAddSingleton<TeamsRequestVerifier>();
        services.TryAddSingleton<ChatApprovers>();
        services.TryAddSingleton<PortalLinks>();
        services.TryAddSingleton<ChatCommandHandler>();
        services.TryAddSingleton<ChatPoster>();
        services.TryAddSingleton<SlackResponder>();
        services.TryAddSingleton<SlackWebhook>();
        services.TryAddSingleton<WeComWebhook>();
        services.TryAddSingleton<TeamsWebhook>();

        services.TryAddSingleton<ChatPeeringNotifier>();
        services.TryAddSingleton<IPeeringChatNotifier>(provider => provider.GetRequiredService<ChatPeeringNotifier>());
        services.RemoveAll<IPeeringNotifier>();
        services.AddSingleton<IPeeringNotifier>(provider => provider.GetRequiredService<ChatPeeringNotifier>());

        services.AddHttpClient(ChatPoster.ClientName)
            .RemoveAllLoggers() // the default logger writes request URLs, and webhook URLs carry keys
            .AddResilienceHandler("chatops", static (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptionsMonitor<ChatOpsOptions>>().CurrentValue.Notifications;
                pipeline.AddTimeout(settings.TotalTimeout);
                if (settings.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.MaxRetries,
                        Delay = settings.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(settings.AttemptTimeout);
            });
        return services;
    }

    /// <summary>
    /// Also accepts one comma-separated value per account (ChatOps__Approvers__beta = "slack:U1,wecom:ChenJiaShun"),
    /// which is easier to keep in an app setting than one setting per entry.
    /// </summary>
    private static void AddListedApprovers(ChatOpsOptions options, IConfigurationSection approvers)
    {
        foreach (var account in approvers.GetChildren())
        {
            if (string.IsNullOrWhiteSpace(account.Value))
            {
                continue;
            }

            if (!options.Approvers.TryGetValue(account.Key, out var list))
            {
                options.Approvers[account.Key] = list = [];
            }

            foreach (var entry in account.Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!list.Contains(entry, StringComparer.Ordinal))
                {
                    list.Add(entry);
                }
            }
        }
    }
}
