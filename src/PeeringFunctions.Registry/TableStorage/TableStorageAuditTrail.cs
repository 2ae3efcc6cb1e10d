using Azure;
using Azure.Data.Tables;
using PeeringFunctions.Registry.Audit;

namespace PeeringFunctions.Registry.TableStorage;

/// <summary>
/// The audit trail in one Azure Table Storage table: a partition per peering (its id, escaped as <see cref="RowKeys"/>),
/// an entity per entry whose RowKey is its time then its key (e{ticks}-{key}: a partition lists in order), and beside it
/// a marker (k{key}) added in the same transaction: a second append of the key meets the marker and adds nothing.
/// The table is created on first use.
/// </summary>
public sealed class TableStorageAuditTrail : IAuditTrail
{
    public const string EntryPrefix = "e";
    public const string MarkerPrefix = "k";

    /// <summary>The layout of an entry's columns, so a later layout can tell old entities apart.</summary>
    public const int Schema = 1;

    private readonly StoredTable stored;

    public TableStorageAuditTrail(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        stored = new StoredTable(table, "The audit trail");
    }

    public string TableName => stored.Name;

    public static string EntryRowKey(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{EntryPrefix}{entry.At.UtcTicks:D19}-{RowKeys.FromId(entry.Key)}";
    }

    public async Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        entry = AuditEntryRules.Fit(entry);
        var partition = RowKeys.FromId(entry.PeeringId);
        await stored.EnsureCreatedAsync(cancellationToken);
        var marker = new TableEntity(partition, MarkerPrefix + RowKeys.FromId(entry.Key)) { ["EntryRowKey"] = EntryRowKey(entry) };
        try
        {
            // One transaction: the entry exists exactly when its marker does.
            await stored.Client.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, marker), new TableTransactionAction(TableTransactionActionType.Add, ToEntity(partition, entry))],
                cancellationToken);
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            return false;
        }
        catch (Exception error) when (StoredTable.IsFailure(error))
        {
            throw stored.Failure($"append to the trail of '{entry.PeeringId}'", error);
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string peeringId, CancellationToken cancellationToken = default)
    {
        var partition = RowKeys.FromId(peeringId);
        await stored.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {EntryPrefix} and RowKey lt {"f"}");
        var entries = new List<AuditEntry>();
        try
        {
            await foreach (var entity in stored.Client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                entries.Add(ToEntry(peeringId, entity));
            }
        }
        catch (Exception error) when (StoredTable.IsFailure(error))
        {
            throw stored.Failure($"read the trail of '{peeringId}'", error);
        }

        return AuditEntryRules.InOrder(entries);
    }

    private static TableEntity ToEntity(string partition, AuditEntry entry) => new(partition, EntryRowKey(entry))
    {
        ["Schema"] = Schema,
        ["At"] = entry.At,
        // The exact time (the At column is for people and queries; a store may round it).
        ["AtTicks"] = entry.At.UtcTicks,
        ["Kind"] = entry.Kind,
        ["Actor"] = entry.Actor,
        ["Channel"] = entry.Channel,
        ["Summary"] = entry.Summary,
        ["RequestId"] = entry.RequestId,
        ["Key"] = entry.Key,
    };

    private static AuditEntry ToEntry(string peeringId, TableEntity entity) => new(
        peeringId,
        entity.GetInt64("AtTicks") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : entity.GetDateTimeOffset("At") ?? throw new PeeringRegistryException($"The audit entity '{entity.RowKey}' has no At column."),
        entity.GetString("Kind") ?? "",
        entity.GetString("Actor") ?? "",
        entity.GetString("Channel") ?? "",
        entity.GetString("Summary") ?? "",
        entity.GetString("RequestId"),
        entity.GetString("Key") ?? entity.RowKey);
}
