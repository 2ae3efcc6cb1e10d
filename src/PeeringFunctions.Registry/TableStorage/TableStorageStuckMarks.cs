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
    public const string PartitionKey = "stuck";

    private const string MarkColumn = "Mark";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Task? creation;

    public async Task<StuckMark?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var found = await Guard("read", () => table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKeys.FromId(instanceId), [MarkColumn], cancellationToken));
        return found.HasValue ? ToMark(found.Value!) : null;
    }

    public async Task UpsertAsync(StuckMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await EnsureTableAsync(cancellationToken);
        var entity = new TableEntity(PartitionKey, RowKeys.FromId(mark.InstanceId)) { [MarkColumn] = JsonSerializer.Serialize(mark, Json) };
        await Guard("write", () => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        await Guard("delete", () => table.DeleteEntityAsync(PartitionKey, RowKeys.FromId(instanceId), ETag.All, cancellationToken));
    }

    public async IAsyncEnumerable<StuckMark> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        // Read whole before yielding: the caller may delete marks as it goes.
        var marks = await Guard("list", async () =>
        {
            var all = new List<StuckMark>();
            await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == PartitionKey, select: [MarkColumn], cancellationToken: cancellationToken))
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

    private async Task<T> Guard<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception error) when (error is RequestFailedException or AggregateException)
        {
            // Status only: the storage client's own message quotes the request.
            var status = error is RequestFailedException refused ? $"status {refused.Status}" : "storage not reachable";
            throw new PeeringRegistryException($"The stuck marks could not {action} in table '{table.Name}' ({status}).", error);
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref creation);
        if (pending is null || pending.IsFaulted || pending.IsCanceled)
        {
            var attempt = Guard("create the table", () => table.CreateIfNotExistsAsync(CancellationToken.None));
            pending = Interlocked.CompareExchange(ref creation, attempt, pending) == pending ? attempt : Volatile.Read(ref creation)!;
        }

        await pending.WaitAsync(cancellationToken);
    }
}
