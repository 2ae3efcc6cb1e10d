using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PeeringFunctions.Registry.TableStorage;

namespace PeeringFunctions.Registry;

/// <summary>
/// The rules a "Registry" section must meet, checked when a host starts (ValidateOnStart), so a bad setting stops it
/// with a message naming the key instead of failing the first activity that writes a record. Messages never quote a
/// connection string.
/// </summary>
public sealed class RegistryOptionsValidator(TokenCredential? credential = null) : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options, credential is not null).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The same rules for a host that builds its registry itself (the local host).</summary>
    public static IEnumerable<string> Failures(RegistryOptions options, bool hasCredential)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = RegistryOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.Store) && !options.UsesAzureTables
            && !string.Equals(options.Store.Trim(), RegistryOptions.MemoryStore, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{section}:Store must be {RegistryOptions.MemoryStore} or {RegistryOptions.AzureTablesStore}.";
            yield break;
        }

        if (!options.UsesAzureTables)
        {
            yield break;
        }

        if (!TableNames.IsValid(options.TableName))
        {
            yield return $"{section}:TableName must be 3 to 63 letters and digits, starting with a letter (and not \"tables\").";
        }

        if (TableNames.IsValid(options.TableName) && !TableNames.IsValid(options.EffectiveAuditTableName))
        {
            yield return string.IsNullOrWhiteSpace(options.AuditTableName)
                ? $"{section}:TableName leaves no room for the audit trail's table ({section}:TableName + \"audit\" must be at most 63 characters); set {section}:AuditTableName."
                : $"{section}:AuditTableName must be 3 to 63 letters and digits, starting with a letter (and not \"tables\").";
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasUri = options.TableServiceUri is not null;
        if (hasConnectionString == hasUri)
        {
            yield return $"{section}:Store is {RegistryOptions.AzureTablesStore}: set exactly one of {section}:ConnectionString " +
                $"(Azurite: UseDevelopmentStorage=true) or {section}:TableServiceUri (identity-based).";
            yield break;
        }

        if (hasConnectionString && !IsUsableConnectionString(options.ConnectionString!))
        {
            yield return $"{section}:ConnectionString is not a storage connection string with a table endpoint (its value is not shown).";
        }

        if (hasUri)
        {
            var uri = options.TableServiceUri!;
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                yield return $"{section}:TableServiceUri must be an absolute https URL such as https://{{account}}.table.core.windows.net/.";
            }
            else if (!hasCredential)
            {
                yield return $"{section}:TableServiceUri needs an Azure identity (a TokenCredential service), and this host registers none (the Functions app registers one when AzureWebJobsStorage__clientId is set); " +
                    $"use {section}:ConnectionString instead.";
            }
        }
    }

    private static bool IsUsableConnectionString(string connectionString)
    {
        try
        {
            // Parses only: no request is sent.
            _ = new TableServiceClient(connectionString.Trim());
            return true;
        }
        catch (Exception error) when (error is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
