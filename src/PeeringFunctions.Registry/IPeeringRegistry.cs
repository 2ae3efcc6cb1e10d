namespace PeeringFunctions.Registry;

/// <summary>
/// Where managed peerings are recorded for their whole life: Azure Table Storage in Azure and in the local host's
/// persistent mode, memory in the default local run. Every write carries a step's whole record, so a write repeated
/// (an activity runs at least once) leaves the same record.
/// </summary>
public interface IPeeringRegistry
{
    /// <returns>The record, or null when the registry holds none with this id.</returns>
    Task<RegisteredPeering?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates the record, or replaces the one with its id.</summary>
    Task UpsertAsync(RegisteredPeering peering, CancellationToken cancellationToken = default);

    /// <summary>Creates the record only when none has its id (one process or many: the store decides).</summary>
    /// <returns>False when a record with this id exists already; nothing was written.</returns>
    Task<bool> AddAsync(RegisteredPeering peering, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a record as one step against concurrent writers (optimistic: read, <paramref name="change"/>, write only if
    /// nobody wrote in between, else read again and retry). <paramref name="change"/> may run more than once and returns
    /// null to leave the record as it is.
    /// </summary>
    /// <returns>The record as stored afterwards (changed or not), or null when there is none with this id.</returns>
    Task<RegisteredPeering?> UpdateAsync(string id, Func<RegisteredPeering, RegisteredPeering?> change, CancellationToken cancellationToken = default);

    /// <summary>Every record, in no particular order.</summary>
    IAsyncEnumerable<RegisteredPeering> ListAsync(CancellationToken cancellationToken = default);
}
