using System.Text.Json;
using System.Threading.Channels;
using Microsoft.DurableTask.Client;

namespace PeeringFunctions.Benchmarks.BareEngine;

/// <summary>
/// Raises the decision event of each bare peering when its notifying activity ran: the recorded payload, no read of
/// the instance first (the scenario 3 approver reads it once and goes through PeeringOperations.DecideAsync).
/// </summary>
public sealed class BareApprover(string eventName, string? payload)
{
    private readonly Channel<string> notices = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly JsonElement? decision = PeeringShape.Json(payload);

    public void Notify(string instanceId) => notices.Writer.TryWrite(instanceId);

    public async Task RunAsync(DurableTaskClient client, CancellationToken stop)
    {
        var pending = new List<Task>();
        try
        {
            await foreach (var instanceId in notices.Reader.ReadAllAsync(stop))
            {
                pending.Add(client.RaiseEventAsync(instanceId, eventName, decision, stop));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(pending).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
