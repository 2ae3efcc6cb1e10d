using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings.Acceptance;

namespace PeeringFunctions.Triggers.Timers;

/// <summary>
/// Every tick (app setting AcceptancePollSchedule, every minute by default), asks Tencent about the peerings waiting
/// for acceptance and raises the decision event for those decided elsewhere, e.g. in the Tencent console.
/// </summary>
public sealed class PollAcceptances(AcceptancePoller poller)
{
    [Function(nameof(PollAcceptances))]
    public Task RunAsync(
        [TimerTrigger("%AcceptancePollSchedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        poller.PollAsync(client, context.CancellationToken);
}
