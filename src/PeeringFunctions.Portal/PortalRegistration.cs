using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Portal.Approval;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.Portal.Status;

namespace PeeringFunctions.Portal;

public static class PortalRegistration
{
    /// <summary>
    /// The pages and approval links, bound from the "Portal" section. Needs the workflow's services
    /// (AddPeeringWorkflow: accounts and the Tencent client factory) and the HTTP API's (AddPeeringHttpApi) beside it.
    /// </summary>
    /// <param name="allowEphemeralSigningKey">
    /// True only for the local host: without Portal:ApprovalSigningKey it signs links with a random key for its run.
    /// The Functions app passes false and then issues and accepts no link until the key is configured.
    /// </param>
    public static IServiceCollection AddPeeringPortal(this IServiceCollection services, IConfiguration configuration, bool allowEphemeralSigningKey = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalPageOptions>().Bind(configuration.GetSection(PortalPageOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeeringOperations>();
        services.TryAddSingleton(provider => ApprovalSigningKey.From(
            provider.GetRequiredService<IOptions<PortalPageOptions>>().Value.ApprovalSigningKey, allowEphemeralSigningKey));
        services.TryAddSingleton<ApprovalTokens>();
        services.TryAddSingleton<ApprovalLinks>();
        services.TryAddSingleton<NetworkReader>();
        services.TryAddSingleton<StepClock>();
        services.TryAddSingleton<PortalHandlers>();
        return services;
    }
}
