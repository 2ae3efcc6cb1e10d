using PeeringFunctions.Peerings;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Benchmarks.Hosting;

/// <summary>
/// The receivers' approvers, accepting every peering as soon as they are told of it: each notice in the
/// <see cref="ReceiverInbox"/> is followed by reading that one instance until it shows WaitingForAcceptance (every
/// <see cref="Interval"/>), then the decision is raised exactly as POST /api/peerings/{id}/accept does after
/// authentication (PeeringOperations.DecideAsync, source "http").
/// </summary>
/// <remarks>
/// Driven by notifications rather than by listing every instance: a list of 1,000 instances with their inputs, many
/// times a second, would cost the engine more than the peerings it measures.
/// </remarks>
public sealed class Acceptor(BenchHost host)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private long delayTicks;
    private int accepts;

    public int Accepted => Volatile.Read(ref accepts);

    /// <summary>Mean time from the receiver's notification to its decision being raised.</summary>
    public TimeSpan MeanDelay => accepts == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Interlocked.Read(ref delayTicks) / accepts);

    /// <summary>Forgets the decisions counted so far (after a warm-up).</summary>
    public void ResetStatistics()
    {
        Interlocked.Exchange(ref delayTicks, 0);
        Interlocked.Exchange(ref accepts, 0);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var pending = new List<Task>();
        try
        {
            await foreach (var (instanceId, notifiedAt) in host.Inbox.Notices.ReadAllAsync(stop))
            {
                pending.Add(AcceptAsync(instanceId, notifiedAt, stop));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(pending).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AcceptAsync(string instanceId, DateTimeOffset notifiedAt, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var instance = await host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, stop);
            if (instance is null || !instance.IsRunning)
            {
                return;
            }

            if (BenchHost.IsWaiting(instance))
            {
                var result = await host.Operations.DecideAsync(host.Client, instance, accept: true, DecisionSources.Http, "benchmark approver", instanceId, stop);
                if (result.Raised)
                {
                    Interlocked.Add(ref delayTicks, (DateTimeOffset.UtcNow - notifiedAt).Ticks);
                    Interlocked.Increment(ref accepts);
                }

                return;
            }

            await Task.Delay(Interval, stop);
        }
    }
}
