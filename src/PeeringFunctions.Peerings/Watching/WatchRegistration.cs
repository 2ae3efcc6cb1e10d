using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess.Batched;

namespace PeeringFunctions.Peerings.Watching;

public static class WatchRegistration
{
    /// <summary>The watcher itself (the Functions timer trigger calls it) and its batched reader; the repairs it starts are AddPeerings'.</summary>
    public static IServiceCollection AddPeeringWatch(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BatchedGroupReader>();
        services.TryAddSingleton<DriftWatcher>();
        return services;
    }

    /// <summary>The watcher plus its own periodic timer ("DriftCheck" section, validated at start), for the local host.</summary>
    public static IServiceCollection AddPeeringWatchTimer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPeeringWatch();
        services.AddOptions<DriftCheckOptions>().Bind(configuration.GetSection(DriftCheckOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DriftCheckOptions>, DriftCheckOptionsValidator>());
        return services.AddHostedService<DriftCheckService>();
    }
}
