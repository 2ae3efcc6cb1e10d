using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings.Approval;

namespace PeeringFunctions.Peerings;

public static class PeeringsRegistration
{
    /// <summary>
    /// The use cases every adapter calls, and the "Portal" section they read (bound here, once). Needs the workflow's
    /// services (AddPeeringWorkflow) beside it; each host adds its adapters after.
    /// </summary>
    /// <param name="allowEphemeralSigningKey">
    /// True only for the local host: without Portal:ApprovalSigningKey it signs links with a random key for its run.
    /// The Functions app passes false and then issues and accepts no link until the key is configured.
    /// </param>
    public static IServiceCollection AddPeerings(this IServiceCollection services, IConfiguration configuration, bool allowEphemeralSigningKey = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeeringOperations>();
        services.TryAddSingleton(provider => ApprovalSigningKey.From(
            provider.GetRequiredService<IOptions<PortalOptions>>().Value.ApprovalSigningKey, allowEphemeralSigningKey));
        services.TryAddSingleton<ApprovalTokens>();
        services.TryAddSingleton<ApprovalLinks>();
        return services;
    }
}
