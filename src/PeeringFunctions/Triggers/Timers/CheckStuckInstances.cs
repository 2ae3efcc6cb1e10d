using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings.Stuck;

namespace PeeringFunctions.Triggers.Timers;

/// <summary>
/// Every tick (app setting StuckCheckSchedule, every 5 minutes by default), reports each running instance that stayed
/// in one step past its threshold (StuckCheck:Thresholds) — once per instance and step: a log event, a metric, a notice.
/// </summary>
public sealed class CheckStuckInstances(StuckInstanceCheck check)
{
    [Function(nameof(CheckStuckInstances))]
    public Task RunAsync(
        [TimerTrigger("%StuckCheckSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        check.CheckAsync(client, context.CancellationToken);
}
