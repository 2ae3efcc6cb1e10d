using Microsoft.DurableTask.Client;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Benchmarks.Hosting;

/// <summary>
/// The receivers' approvers, accepting every peering the moment it waits: finds the waiting instances with one
/// Durable query every <see cref="Interval"/> and raises the decision exactly as POST /api/peerings/{id}/accept does
/// after authentication (PeeringOperations.DecideAsync, source "http").
/// </summary>
public sealed class Acceptor(BenchHost host)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly HashSet<string> accepted = new(StringComparer.Ordinal);
    private long delayTicks;
    private int accepts;

    public int Accepted => Volatile.Read(ref accepts);

    /// <summary>Mean time from an instance's last update (entering WaitingForAcceptance) to its decision being raised.</summary>
    public TimeSpan MeanDelay => accepts == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref delayTicks) / accepts);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var waiting = (await host.InstancesAsync(runningOnly: true, stop)).Where(BenchHost.IsWaiting).Where(i => accepted.Add(i.InstanceId)).ToList();
                await Task.WhenAll(waiting.Select(instance => AcceptAsync(instance, stop)));
                await Task.Delay(Interval, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task AcceptAsync(OrchestrationMetadata instance, CancellationToken stop)
    {
        var result = await host.Operations.DecideAsync(host.Client, instance, accept: true, DecisionSources.Http, "benchmark approver", instance.InstanceId, stop);
        if (result.Raised)
        {
            Interlocked.Add(ref delayTicks, (DateTimeOffset.UtcNow - instance.LastUpdatedAt).Ticks);
            Interlocked.Increment(ref accepts);
        }
    }
}
