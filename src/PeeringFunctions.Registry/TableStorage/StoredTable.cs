using Azure;
using Azure.Data.Tables;

namespace PeeringFunctions.Registry.TableStorage;

/// <summary>
/// One table of the registry's stores (records, audit trail, stuck marks): created on first use, and its storage
/// failures told as a <see cref="PeeringRegistryException"/> naming the store, the action and the status only.
/// </summary>
/// <param name="store">What the table holds, as a sentence's subject: "The peering registry", "The audit trail".</param>
internal sealed class StoredTable(TableClient table, string store)
{
    private Task? creation;

    public TableClient Client => table;

    public string Name => table.Name;

    /// <summary>A refused request, or (after the client's own retries) a storage that could not be reached at all.</summary>
    public static bool IsFailure(Exception error) => error is RequestFailedException or AggregateException;

    /// <summary>Creates the table once per instance; a failed attempt is not remembered, so the next call tries again.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref creation);
        if (pending is { IsCompletedSuccessfully: true })
        {
            return;
        }

        if (pending is null || pending.IsFaulted || pending.IsCanceled)
        {
            // Not tied to one caller's token: other callers may be waiting on the same creation.
            var attempt = GuardAsync("create the table", () => table.CreateIfNotExistsAsync(CancellationToken.None));
            pending = Interlocked.CompareExchange(ref creation, attempt, pending) == pending ? attempt : Volatile.Read(ref creation)!;
        }

        await pending.WaitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="call"/>, telling a storage failure as <see cref="Failure"/>.</summary>
    public async Task<T> GuardAsync<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception error) when (IsFailure(error))
        {
            throw Failure(action, error);
        }
    }

    public PeeringRegistryException Failure(string action, Exception error) =>
        new($"{store} could not {action} in table '{table.Name}' ({Reason(error)}).", error);

    // Status and error code only: the storage client's own message quotes the request (its URL and headers).
    private static string Reason(Exception error) => error switch
    {
        RequestFailedException { Status: 0 } => "storage not reachable",
        RequestFailedException refused => $"status {refused.Status}{(string.IsNullOrEmpty(refused.ErrorCode) ? string.Empty : $", {refused.ErrorCode}")}",
        _ => "storage not reachable after retries",
    };
}
