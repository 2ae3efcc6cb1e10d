using Microsoft.Extensions.DependencyInjection;

namespace PeeringFunctions.HttpApi;

public static class HttpApiRegistration
{
    public static IServiceCollection AddPeeringHttpApi(this IServiceCollection services) =>
        services.AddSingleton<ApproverAuthenticator>().AddSingleton<PeeringApi>().AddSingleton<AdoptionApi>().AddSingleton<PeeringRepairApi>().AddSingleton<PeeringAuditApi>().AddSingleton<TopologyApi>();
}
