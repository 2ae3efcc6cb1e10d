using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings.Watching;

namespace PeeringFunctions.Triggers.Timers;

/// <summary>
/// Every tick (app setting DriftCheckSchedule, every 15 minutes by default), compares every watched peering of the
/// registry with Tencent: findings become its health, new ones are told to both sides, repairs start per its policy.
/// </summary>
public sealed class CheckDrift(DriftWatcher watcher)
{
    [Function(nameof(CheckDrift))]
    public Task RunAsync(
        [TimerTrigger("%DriftCheckSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        watcher.CheckAsync(client, context.CancellationToken);
}
