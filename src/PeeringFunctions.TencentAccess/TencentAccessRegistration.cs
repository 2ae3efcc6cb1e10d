using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.RateLimiting;

namespace PeeringFunctions.TencentAccess;

public static class TencentAccessRegistration
{
    /// <summary>
    /// Everything that reaches Tencent: the accounts of the "Tencent" section, the client factory and its rate limits.
    /// Every host registers it (through AddPeeringWorkflow), so every host reaches Tencent the same way.
    /// </summary>
    public static IServiceCollection AddTencentAccess(this IServiceCollection services, IConfiguration configuration)
    {
        // Validated when the host starts, so a bad setting stops it with a message instead of failing each activity later.
        services.AddOptions<TencentOptions>().Bind(configuration.GetSection(TencentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TencentOptions>, TencentOptionsValidator>());
        // The client logs each call itself (action, region, RequestId); the factory's per-request log scopes only cost.
        services.AddHttpClient(TencentClientFactory.HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTencentRateLimiting(configuration);
        services.TryAddSingleton<ITencentClientFactory, TencentClientFactory>();
        return services;
    }
}
