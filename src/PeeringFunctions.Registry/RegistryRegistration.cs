using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeeringFunctions.Registry.Audit;
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
        services.TryAddSingleton(provider => CreateStuckMarks(
            provider.GetRequiredService<IOptions<RegistryOptions>>().Value, provider.GetService<TokenCredential>()));
        services.TryAddSingleton(provider => CreateAuditTrail(
            provider.GetRequiredService<IOptions<RegistryOptions>>().Value, provider.GetService<TokenCredential>()));
        return services;
    }

    /// <summary>The store the options name (assumed valid: see <see cref="RegistryOptionsValidator"/>).</summary>
    public static IPeeringRegistry Create(RegistryOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesAzureTables
            ? new TableStoragePeeringRegistry(Service(options, credential).GetTableClient(options.TableName))
            : new InMemoryPeeringRegistry();
    }

    /// <summary>The audit trail beside the records: the same store and account, its own table (<see cref="RegistryOptions.EffectiveAuditTableName"/>).</summary>
    public static IAuditTrail CreateAuditTrail(RegistryOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesAzureTables
            ? new TableStorageAuditTrail(Service(options, credential).GetTableClient(options.EffectiveAuditTableName))
            : new InMemoryAuditTrail();
    }

    /// <summary>The stuck-instance marks, beside the registry: in its table (a partition of their own), or in memory.</summary>
    public static IStuckMarks CreateStuckMarks(RegistryOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesAzureTables
            ? new TableStorageStuckMarks(Service(options, credential).GetTableClient(options.TableName))
            : new InMemoryStuckMarks();
    }

    private static TableServiceClient Service(RegistryOptions options, TokenCredential? credential) =>
        options.TableServiceUri is { } uri
            ? new TableServiceClient(uri, credential ?? throw new InvalidOperationException(
                $"{RegistryOptions.SectionName}:TableServiceUri needs a TokenCredential service."))
            : new TableServiceClient(options.ConnectionString!.Trim());
}
