using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace PeeringFunctions.Registry.TableStorage;

/// <summary>
/// The registry in one Azure Table Storage table: one entity per record in a single partition, RowKey the record's id
/// (escaped, <see cref="RowKeys"/>), the whole record as JSON in <see cref="RecordColumn"/> and a few plain columns
/// (State, Name, PeeringConnectionId, UpdatedAt) for queries and for reading the table in a storage browser. The JSON
/// is the truth; the plain columns are copies. The table is created on first use.
/// </summary>
public sealed class TableStoragePeeringRegistry : IPeeringRegistry
{
    /// <summary>Every record lives in this one partition: a few thousand peerings are far below a partition's limits.</summary>
    public const string PartitionKey = "peering";

    public const string RecordColumn = "Record";

    /// <summary>The layout of <see cref="RecordColumn"/>, so a later layout can tell old entities apart.</summary>
    public const int Schema = 1;

    // A string property holds at most 64 KiB: 32 K UTF-16 characters.
    private const int MaxRecordLength = 32 * 1024;

    /// <summary>How often one update re-reads after losing to another writer before it gives up.</summary>
    private const int MaxUpdateAttempts = 20;

    private readonly StoredTable stored;

    public TableStoragePeeringRegistry(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        stored = new StoredTable(table, "The peering registry");
    }

    public string TableName => stored.Name;

    public async Task<RegisteredPeering?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var rowKey = RowKeys.FromId(id);
        await stored.EnsureCreatedAsync(cancellationToken);
        NullableResponse<TableEntity> found;
        try
        {
            found = await stored.Client.GetEntityIfExistsAsync<TableEntity>(PartitionKey, rowKey, [RecordColumn], cancellationToken);
        }
        catch (Exception error) when (StoredTable.IsFailure(error))
        {
            throw stored.Failure($"read the record '{id}'", error);
        }

        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    public async Task UpsertAsync(RegisteredPeering peering, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peering);
        var entity = ToEntity(peering);
        await stored.EnsureCreatedAsync(cancellationToken);
        try
        {
            // Replace, not merge: the record is always written whole, so no column of an older write survives.
            await stored.Client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception error) when (StoredTable.IsFailure(error))
        {
            throw stored.Failure($"write the record '{peering.Id}'", error);
        }
    }

    public async Task<bool> AddAsync(RegisteredPeering peering, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peering);
        var entity = ToEntity(peering);
        await stored.EnsureCreatedAsync(cancellationToken);
        try
        {
            await stored.Client.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            return false;
        }
        catch (Exception error) when (StoredTable.IsFailure(error))
        {
            throw stored.Failure($"add the record '{peering.Id}'", error);
        }
    }

    public async Task<RegisteredPeering?> UpdateAsync(
        string id, Func<RegisteredPeering, RegisteredPeering?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var rowKey = RowKeys.FromId(id);
        await stored.EnsureCreatedAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            NullableResponse<TableEntity> found;
            try
            {
                found = await stored.Client.GetEntityIfExistsAsync<TableEntity>(PartitionKey, rowKey, cancellationToken: cancellationToken);
            }
            catch (Exception error) when (StoredTable.IsFailure(error))
            {
                throw stored.Failure($"read the record '{id}'", error);
            }

            if (!found.HasValue)
            {
                return null;
            }

            var current = ToRecord(found.Value!);
            if (change(current) is not { } changed)
            {
                return current;
            }

            try
            {
                // Only if nobody wrote since our read (the entity's ETag): else read again and re-apply the change.
                await stored.Client.UpdateEntityAsync(ToEntity(changed), found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 412 or 404 && attempt < MaxUpdateAttempts)
            {
                // 412: another writer won; 404: deleted meanwhile (the next read says so).
            }
            catch (Exception error) when (StoredTable.IsFailure(error))
            {
                throw stored.Failure($"update the record '{id}'", error);
            }
        }
    }

    public async IAsyncEnumerable<RegisteredPeering> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await stored.EnsureCreatedAsync(cancellationToken);
        var query = stored.Client.QueryAsync<TableEntity>(
            entity => entity.PartitionKey == PartitionKey, maxPerPage: 1000, select: [RecordColumn], cancellationToken: cancellationToken);
        await using var pages = query.AsPages().GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            Page<TableEntity> page;
            try
            {
                if (!await pages.MoveNextAsync())
                {
                    yield break;
                }

                page = pages.Current;
            }
            catch (Exception error) when (StoredTable.IsFailure(error))
            {
                throw stored.Failure("list the records", error);
            }

            foreach (var entity in page.Values)
            {
                yield return ToRecord(entity);
            }
        }
    }

    internal static TableEntity ToEntity(RegisteredPeering peering)
    {
        var json = RecordJson.Serialize(peering);
        if (json.Length > MaxRecordLength)
        {
            throw new PeeringRegistryException(
                $"The record '{peering.Id}' is {json.Length} characters as JSON; a Table Storage property holds at most {MaxRecordLength}.");
        }

        return new TableEntity(PartitionKey, RowKeys.FromId(peering.Id))
        {
            [RecordColumn] = json,
            ["Schema"] = Schema,
            ["Name"] = peering.Name,
            ["State"] = peering.State,
            ["PeeringConnectionId"] = peering.PeeringConnectionId,
            ["UpdatedAt"] = peering.UpdatedAt,
        };
    }

    private static RegisteredPeering ToRecord(TableEntity entity) =>
        entity.GetString(RecordColumn) is { Length: > 0 } json
            ? RecordJson.Deserialize(json, entity.RowKey)
            : throw new PeeringRegistryException($"The registry entity '{entity.RowKey}' has no {RecordColumn} column.");
}
