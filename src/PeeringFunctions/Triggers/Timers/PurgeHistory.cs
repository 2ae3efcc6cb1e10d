using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings.Purging;

namespace PeeringFunctions.Triggers.Timers;

/// <summary>
/// Every tick (app setting PurgeSchedule, hourly by default), purges the Durable history of instances that finished more
/// than Purge:Retention ago (30 days), at most Purge:BatchSize per tick, each only once its registry record is complete.
/// </summary>
public sealed class PurgeHistory(HistoryPurger purger)
{
    [Function(nameof(PurgeHistory))]
    public Task RunAsync(
        [TimerTrigger("%PurgeSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        purger.PurgeAsync(client, context.CancellationToken);
}
