using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Purging;

public static class PurgeRegistration
{
    /// <summary>The purge itself (the Functions timer trigger calls it) and its "Purge" section, validated at start.</summary>
    public static IServiceCollection AddPeeringPurge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PurgeOptions>().Bind(configuration.GetSection(PurgeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PurgeOptions>, PurgeOptionsValidator>());
        services.TryAddSingleton<PurgeReadiness>();
        services.TryAddSingleton<HistoryPurger>();
        return services;
    }

    /// <summary>The purge plus its own periodic timer (Purge:Interval, Purge:Enabled), for the local host.</summary>
    public static IServiceCollection AddPeeringPurgeTimer(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPeeringPurge(configuration).AddHostedService<HistoryPurgeService>();
}
