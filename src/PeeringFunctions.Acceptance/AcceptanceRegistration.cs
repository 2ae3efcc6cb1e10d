using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Acceptance.Polling;

namespace PeeringFunctions.Acceptance;

public static class AcceptanceRegistration
{
    public static IServiceCollection AddPeeringAcceptance(this IServiceCollection services) =>
        services.AddSingleton<AcceptancePoller>();
}
