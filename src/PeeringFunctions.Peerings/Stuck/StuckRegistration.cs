using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Stuck;

public static class StuckRegistration
{
    /// <summary>
    /// The stuck check (the Functions timer trigger calls it) and its "StuckCheck" section, validated at start. Needs the
    /// registry (AddPeeringRegistry: the marks live beside it) and a notifier (AddPeeringWorkflow, or chat-ops).
    /// </summary>
    public static IServiceCollection AddStuckCheck(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StuckCheckOptions>().Bind(configuration.GetSection(StuckCheckOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StuckCheckOptions>, StuckCheckOptionsValidator>());
        services.TryAddSingleton<StuckInstanceCheck>();
        return services;
    }

    /// <summary>The check plus its own periodic timer (StuckCheck:Interval, StuckCheck:Enabled), for the local host.</summary>
    public static IServiceCollection AddStuckCheckTimer(this IServiceCollection services, IConfiguration configuration) =>
        services.AddStuckCheck(configuration).AddHostedService<StuckCheckService>();
}
