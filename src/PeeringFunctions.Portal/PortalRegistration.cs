using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Portal.Network;
using PeeringFunctions.Portal.Status;

namespace PeeringFunctions.Portal;

public static class PortalRegistration
{
    /// <summary>
    /// The pages. Needs the use cases (AddPeerings: options, approval links) and the workflow's services
    /// (AddPeeringWorkflow: the Tencent client factory the request form reads with) beside it.
    /// </summary>
    public static IServiceCollection AddPeeringPortal(this IServiceCollection services)
    {
        services.TryAddSingleton<NetworkReader>();
        services.TryAddSingleton<StepClock>();
        services.TryAddSingleton<PortalHandlers>();
        return services;
    }
}
