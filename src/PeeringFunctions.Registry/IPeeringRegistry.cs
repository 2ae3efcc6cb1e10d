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

    /// <summary>Every record, in no particular order.</summary>
    IAsyncEnumerable<RegisteredPeering> ListAsync(CancellationToken cancellationToken = default);
}
