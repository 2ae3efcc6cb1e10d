using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PeeringFunctions.Peerings.Acceptance;

public static class AcceptanceRegistration
{
    /// <summary>The poller itself (the Functions timer trigger calls it).</summary>
    public static IServiceCollection AddPeeringAcceptance(this IServiceCollection services) =>
        services.AddSingleton<AcceptancePoller>();

    /// <summary>The poller plus its own periodic timer, for hosts without a timer trigger (the local host).</summary>
    public static IServiceCollection AddPeeringAcceptancePolling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPeeringAcceptance();
        services.AddOptions<AcceptancePollingOptions>().Bind(configuration.GetSection(AcceptancePollingOptions.SectionName));
        return services.AddHostedService<AcceptancePollingService>();
    }
}
