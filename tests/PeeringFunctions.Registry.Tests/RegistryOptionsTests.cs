using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Registry.Tests;

/// <summary>The "Registry" section: its rules, checked at start, and what each host fills in when it is silent.</summary>
public sealed class RegistryOptionsTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    [Fact]
    public void A_silent_section_is_the_memory_store_and_valid()
    {
        var options = new RegistryOptions();

        Assert.False(options.UsesAzureTables);
        Assert.Empty(RegistryOptionsValidator.Failures(options, hasCredential: false));
        Assert.IsType<InMemoryPeeringRegistry>(RegistryRegistration.Create(options));
    }

    [Fact]
    public void An_unknown_store_is_refused_by_its_key()
    {
        var failure = Assert.Single(RegistryOptionsValidator.Failures(new RegistryOptions { Store = "Cosmos" }, hasCredential: false));

        Assert.Contains("Registry:Store must be Memory or AzureTables", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(Azurite, "https://account.table.core.windows.net/")]
    public void Azure_tables_need_exactly_one_of_a_connection_string_or_a_table_endpoint(string? connection, string? uri)
    {
        var options = new RegistryOptions { Store = "azuretables", ConnectionString = connection, TableServiceUri = uri is null ? null : new Uri(uri) };

        var failure = Assert.Single(RegistryOptionsValidator.Failures(options, hasCredential: true));

        Assert.Contains("exactly one of Registry:ConnectionString", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pe")]
    [InlineData("1peerings")]
    [InlineData("peer-ings")]
    [InlineData("tables")]
    public void A_table_name_table_storage_refuses_is_refused(string table)
    {
        var options = new RegistryOptions { Store = RegistryOptions.AzureTablesStore, TableName = table, ConnectionString = Azurite };

        Assert.Contains("Registry:TableName", Assert.Single(RegistryOptionsValidator.Failures(options, hasCredential: false)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_records_table_name_that_leaves_no_room_for_the_audit_table_is_refused_unless_the_audit_table_is_named()
    {
        var options = new RegistryOptions { Store = RegistryOptions.AzureTablesStore, TableName = "p" + new string('x', 60), ConnectionString = Azurite };

        Assert.Contains("Registry:AuditTableName", Assert.Single(RegistryOptionsValidator.Failures(options, hasCredential: false)), StringComparison.Ordinal);
        options.AuditTableName = "trail";
        Assert.Empty(RegistryOptionsValidator.Failures(options, hasCredential: false));
        options.AuditTableName = "no-dashes";
        Assert.Contains("Registry:AuditTableName must be", Assert.Single(RegistryOptionsValidator.Failures(options, hasCredential: false)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_is_refused_without_quoting_it()
    {
        var options = new RegistryOptions { Store = RegistryOptions.AzureTablesStore, ConnectionString = "AccountKey=hunter2-not-a-connection" };

        var failure = Assert.Single(RegistryOptionsValidator.Failures(options, hasCredential: false));

        Assert.Contains("Registry:ConnectionString", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_endpoint_needs_an_identity_the_host_registers()
    {
        var options = new RegistryOptions { Store = RegistryOptions.AzureTablesStore, TableServiceUri = new Uri("https://stx.table.core.windows.net/") };

        Assert.Contains("TokenCredential", Assert.Single(RegistryOptionsValidator.Failures(options, hasCredential: false)), StringComparison.Ordinal);
        Assert.Empty(RegistryOptionsValidator.Failures(options, hasCredential: true));
        Assert.Contains("https URL", Assert.Single(RegistryOptionsValidator.Failures(
            new RegistryOptions { Store = RegistryOptions.AzureTablesStore, TableServiceUri = new Uri("http://stx.table.core.windows.net/") }, hasCredential: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_with_a_bad_section_fails_its_start_validation_naming_the_key()
    {
        var services = new ServiceCollection().AddPeeringRegistry(Configuration(("Registry:Store", "AzureTables")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Registry:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_endpoint_is_valid_at_start_once_the_host_registers_an_identity()
    {
        var services = new ServiceCollection()
            .AddSingleton<TokenCredential>(new NoTokens())
            .AddPeeringRegistry(Configuration(("Registry:Store", "AzureTables"), ("Registry:TableServiceUri", "https://stx.table.core.windows.net/")));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<TableStorage.TableStoragePeeringRegistry>(provider.GetRequiredService<IPeeringRegistry>());
    }

    [Fact]
    public void The_functions_app_defaults_to_tables_in_its_own_storage_connection()
    {
        var options = Filled(HostStorageDefaults.FunctionsApp(Configuration(("AzureWebJobsStorage", Azurite))));

        Assert.True(options.UsesAzureTables);
        Assert.Equal(Azurite, options.ConnectionString);
        Assert.Equal(RegistryOptions.DefaultTableName, options.TableName);
    }

    [Fact]
    public void The_functions_app_with_identity_based_storage_uses_its_table_endpoint()
    {
        var options = Filled(HostStorageDefaults.FunctionsApp(Configuration(
            ("AzureWebJobsStorage:credential", "managedidentity"), ("AzureWebJobsStorage:tableServiceUri", "https://stabc.table.core.windows.net/"))));

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://stabc.table.core.windows.net/"), options.TableServiceUri);
    }

    [Fact]
    public void What_the_registry_section_says_wins_over_the_host_defaults()
    {
        var options = Filled(HostStorageDefaults.FunctionsApp(Configuration(("AzureWebJobsStorage", Azurite))), new RegistryOptions { Store = "Memory" });

        Assert.False(options.UsesAzureTables);
        Assert.Null(options.ConnectionString);
    }

    [Fact]
    public void The_local_host_keeps_records_in_memory_unless_its_durable_backend_is_storage()
    {
        Assert.False(Filled(HostStorageDefaults.LocalHost(durableStorageConnectionString: null)).UsesAzureTables);

        var persistent = Filled(HostStorageDefaults.LocalHost(Azurite));
        Assert.True(persistent.UsesAzureTables);
        Assert.Equal(Azurite, persistent.ConnectionString);

        var ownConnection = Filled(HostStorageDefaults.LocalHost(Azurite), new RegistryOptions { ConnectionString = "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.2" });
        Assert.StartsWith("UseDevelopmentStorage=true;DevelopmentStorageProxyUri", ownConnection.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void In_persistent_mode_each_task_hub_keeps_its_records_in_a_table_of_its_own_unless_one_is_named()
    {
        Assert.Equal("CrashStepspeerings", Filled(HostStorageDefaults.LocalHost(Azurite, "CrashSteps")).TableName);
        Assert.Equal("OtherHubpeerings", Filled(HostStorageDefaults.LocalHost(Azurite, "OtherHub")).TableName);
        Assert.Equal("shared", Filled(HostStorageDefaults.LocalHost(Azurite, "CrashSteps"), new RegistryOptions { TableName = "shared" }).TableName);
        Assert.Equal(RegistryOptions.DefaultTableName, Filled(HostStorageDefaults.LocalHost(Azurite)).TableName);
    }

    private static RegistryOptions Filled(Action<RegistryOptions> defaults, RegistryOptions? bound = null)
    {
        var options = bound ?? new RegistryOptions();
        defaults(options);
        return options;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private sealed class NoTokens : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used: validation sends no request");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used: validation sends no request");
    }
}
