using Microsoft.Extensions.Configuration;

namespace PeeringFunctions.Registry;

/// <summary>What each host fills into a "Registry" section that leaves the store or its location unset.</summary>
public static class HostStorageDefaults
{
    /// <summary>
    /// The Functions app: Azure Tables in its own storage account, read from AzureWebJobsStorage: a connection string
    /// (func start with Azurite: UseDevelopmentStorage=true), or the identity-based form's tableServiceUri / accountName.
    /// </summary>
    public static Action<RegistryOptions> FunctionsApp(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return options =>
        {
            FillStore(options, RegistryOptions.AzureTablesStore);
            if (!options.UsesAzureTables || HasLocation(options))
            {
                return;
            }

            var storage = configuration.GetSection("AzureWebJobsStorage");
            if (!string.IsNullOrWhiteSpace(storage.Value))
            {
                options.ConnectionString = storage.Value;
            }
            else if (Uri.TryCreate(storage["tableServiceUri"], UriKind.Absolute, out var tableUri))
            {
                options.TableServiceUri = tableUri;
            }
            else if (storage["accountName"] is { Length: > 0 } account)
            {
                options.TableServiceUri = new Uri($"https://{account}.table.core.windows.net/");
            }
        };
    }

    /// <summary>
    /// The local host: in memory, unless its Durable engine keeps orchestrations in Azure Storage; then Azure Tables on
    /// that same storage (<paramref name="durableStorageConnectionString"/>), so the records survive a restart too, in a
    /// table of the task hub's own (<c>{hub}peerings</c>) unless Registry:TableName names one: records belong with the
    /// orchestrations they describe, and a new hub starts with no records, as it starts with no instances.
    /// </summary>
    public static Action<RegistryOptions> LocalHost(string? durableStorageConnectionString, string? taskHubName = null) => options =>
    {
        if (durableStorageConnectionString is null)
        {
            FillStore(options, RegistryOptions.MemoryStore);
            return;
        }

        FillStore(options, RegistryOptions.AzureTablesStore);
        if (options.UsesAzureTables && !HasLocation(options))
        {
            options.ConnectionString = durableStorageConnectionString;
            if (options.TableName == RegistryOptions.DefaultTableName && taskHubName is { Length: > 0 })
            {
                options.TableName = taskHubName + RegistryOptions.DefaultTableName;
            }
        }
    };

    private static void FillStore(RegistryOptions options, string store)
    {
        if (string.IsNullOrWhiteSpace(options.Store))
        {
            options.Store = store;
        }
    }

    private static bool HasLocation(RegistryOptions options) =>
        !string.IsNullOrWhiteSpace(options.ConnectionString) || options.TableServiceUri is not null;
}
