using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.TencentAccess.RateLimiting;

public static class TencentRateLimitingRegistration
{
    /// <summary>
    /// The client-side limits every client from <see cref="TencentClientFactory"/> goes through, configured by the
    /// "Tencent:RateLimits" section (on by default with Tencent's documented limits).
    /// </summary>
    public static IServiceCollection AddTencentRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TencentRateLimitOptions>().Bind(configuration.GetSection(TencentRateLimitOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TencentRateLimiter>();
        return services;
    }
}
