using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PeeringFunctions.Peerings.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// The peerings-by-state gauge and its refresh (needs the registry beside it). One per process: the local host adds
    /// it to its web container only, since meters are process-wide.
    /// </summary>
    public static IServiceCollection AddPeeringTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PeeringCountOptions>()
            .Bind(configuration.GetSection(PeeringCountOptions.SectionName))
            .Validate(o => o.PeeringCountInterval >= TimeSpan.FromSeconds(1), "Telemetry:PeeringCountInterval must be at least 00:00:01.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PeeringStateCounts>();
        services.AddHostedService<PeeringStateCountsService>();
        return services;
    }
}
