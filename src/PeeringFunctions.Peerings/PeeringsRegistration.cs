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
    /// <remarks>
    /// Without Portal:ApprovalSigningKey no approval link is issued or accepted. The local host registers its own key
    /// first (a random one for its run when none is configured), which this registration then leaves in place.
    /// </remarks>
    public static IServiceCollection AddPeerings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        // The audit trail the host registered with its registry (memory when it registered none, as for the registry).
        services.TryAddSingleton<Registry.Audit.IAuditTrail, Registry.Audit.InMemoryAuditTrail>();
        services.TryAddSingleton<Workflow.Auditing.AuditWriter>();
        services.TryAddSingleton<Auditing.PeeringAudit>();
        services.TryAddSingleton<PeeringOperations>();
        services.TryAddSingleton<Adoption.PeeringAdoption>();
        services.TryAddSingleton<Repairs.PeeringRepairs>();
        services.TryAddSingleton<Topologies.TopologyOperations>();
        services.TryAddSingleton(provider => ApprovalSigningKey.From(
            provider.GetRequiredService<IOptions<PortalOptions>>().Value.ApprovalSigningKey, allowEphemeral: false));
        services.TryAddSingleton<ApprovalTokens>();
        services.TryAddSingleton<ApprovalLinks>();
        return services;
    }
}
