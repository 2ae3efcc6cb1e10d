namespace PeeringFunctions.Registry;

/// <summary>
/// The "Registry" section: which store keeps the peering records, and where. Each host fills what the section leaves
/// unset from its own storage (the Functions app: AzureWebJobsStorage; the local host: its Durable backend), see
/// <see cref="RegistryRegistration.AddPeeringRegistry"/>.
/// </summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>Records in the process's memory: gone with it (the default local run).</summary>
    public const string MemoryStore = "Memory";

    /// <summary>Records in one Azure Table Storage table (Azure, Azurite).</summary>
    public const string AzureTablesStore = "AzureTables";

    public const string DefaultTableName = "peerings";

    /// <summary><see cref="MemoryStore"/> or <see cref="AzureTablesStore"/> (any case); null: the host's default.</summary>
    public string? Store { get; set; }

    /// <summary>The table (3-63 letters and digits, starting with a letter); created on first use if missing.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// The audit trail's table, on the same store and account as the records; null: the records' table name followed by
    /// "audit" (peeringsaudit, or {hub}peeringsaudit in the local host's persistent mode).
    /// </summary>
    public string? AuditTableName { get; set; }

    /// <summary>The audit trail's table as used: <see cref="AuditTableName"/>, or <see cref="TableName"/> + "audit".</summary>
    public string EffectiveAuditTableName => string.IsNullOrWhiteSpace(AuditTableName) ? TableName + "audit" : AuditTableName.Trim();

    /// <summary>A storage connection string (Azurite: UseDevelopmentStorage=true). A secret for a real account.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The account's table endpoint (https://{account}.table.core.windows.net/) for identity-based access. Needs a
    /// <c>Azure.Core.TokenCredential</c> service registered by the host; set it or <see cref="ConnectionString"/>, not both.
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>True when <see cref="Store"/> names Azure Tables; false for Memory or unset.</summary>
    public bool UsesAzureTables => string.Equals(Store?.Trim(), AzureTablesStore, StringComparison.OrdinalIgnoreCase);

    /// <summary>What a banner or log may say about the store: never the connection string.</summary>
    public string Describe() => UsesAzureTables
        ? $"Azure Table Storage (table {TableName}{(TableServiceUri is { } uri ? $" at {uri.Host}" : string.Empty)})"
        : "in memory (records end with the process)";
}
