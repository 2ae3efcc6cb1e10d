using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace PeeringFunctions.Registry.TableStorage;

/// <summary>
/// The stuck marks in the registry's own table, in a partition of their own (the registry lists only its partition):
/// one entity per instance, RowKey the instance id (escaped, <see cref="RowKeys"/>), the mark as JSON.
/// </summary>
public sealed class TableStorageStuckMarks(TableClient table) : IStuckMarks
{
    private readonly StoredTable stored = new(table, "The stuck marks");

    public const string PartitionKey = "stuck";

    private const string MarkColumn = "Mark";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StuckMark?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await stored.EnsureCreatedAsync(cancellationToken);
        var found = await Guard("read", () => stored.Client.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKeys.FromId(instanceId), [MarkColumn], cancellationToken));
        return found.HasValue ? ToMark(found.Value!) : null;
    }

    public async Task UpsertAsync(StuckMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await stored.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(PartitionKey, RowKeys.FromId(mark.InstanceId)) { [MarkColumn] = JsonSerializer.Serialize(mark, Json) };
        await Guard("write", () => stored.Client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await stored.EnsureCreatedAsync(cancellationToken);
        await Guard("delete", () => stored.Client.DeleteEntityAsync(PartitionKey, RowKeys.FromId(instanceId), ETag.All, cancellationToken));
    }

    public async IAsyncEnumerable<StuckMark> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await stored.EnsureCreatedAsync(cancellationToken);
        // Read whole before yielding: the caller may delete marks as it goes.
        var marks = await Guard("list", async () =>
        {
            var all = new List<StuckMark>();
            await foreach (var entity in stored.Client.QueryAsync<TableEntity>(e => e.PartitionKey == PartitionKey, select: [MarkColumn], cancellationToken: cancellationToken))
            {
                all.Add(ToMark(entity));
            }

            return all;
        });
        foreach (var mark in marks)
        {
            yield return mark;
        }
    }

    private static StuckMark ToMark(TableEntity entity)
    {
        try
        {
            return JsonSerializer.Deserialize<StuckMark>(entity.GetString(MarkColumn) ?? "null", Json)
                ?? throw new PeeringRegistryException($"The stuck mark '{entity.RowKey}' is empty.");
        }
        catch (JsonException error)
        {
            throw new PeeringRegistryException($"The stuck mark '{entity.RowKey}' is not valid JSON for this version.", error);
        }
    }

    private Task<T> Guard<T>(string action, Func<Task<T>> call) => stored.GuardAsync(action, call);
}
