using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeeringFunctions.Registry.TableStorage;

namespace PeeringFunctions.Registry;

public static class RegistryRegistration
{
    /// <summary>
    /// The registry as a singleton <see cref="IPeeringRegistry"/>, its "Registry" section bound and validated when the
    /// host starts. <paramref name="hostDefaults"/> runs after binding and fills what the section leaves unset with the
    /// host's own storage (see <see cref="HostStorageDefaults"/>). A registry registered before this call (the local
    /// host shares one instance between its two containers) is kept.
    /// </summary>
    public static IServiceCollection AddPeeringRegistry(
        this IServiceCollection services, IConfiguration configuration, Action<RegistryOptions>? hostDefaults = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<RegistryOptions>().Bind(configuration.GetSection(RegistryOptions.SectionName));
        if (hostDefaults is not null)
        {
            options.PostConfigure(hostDefaults);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>());
        services.TryAddSingleton(provider => Create(
            provider.GetRequiredService<IOptions<RegistryOptions>>().Value, provider.GetService<TokenCredential>()));
        return services;
    }

    /// <summary>The store the options name (assumed valid: see <see cref="RegistryOptionsValidator"/>).</summary>
    public static IPeeringRegistry Create(RegistryOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UsesAzureTables)
        {
            return new InMemoryPeeringRegistry();
        }

        var service = options.TableServiceUri is { } uri
            ? new TableServiceClient(uri, credential ?? throw new InvalidOperationException(
                $"{RegistryOptions.SectionName}:TableServiceUri needs a TokenCredential service."))
            : new TableServiceClient(options.ConnectionString!.Trim());
        return new TableStoragePeeringRegistry(service.GetTableClient(options.TableName));
    }
}
