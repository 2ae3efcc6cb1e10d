using System.Threading.Channels;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Benchmarks.Hosting;

/// <summary>
/// The receivers' chat channel, as the benchmark sees it: the workflow's NotifyReceiverActivity delivers each
/// "a peering waits for you" notice here (in place of Slack, WeCom or Teams), and the <see cref="Acceptor"/> reads them.
/// </summary>
public sealed class ReceiverInbox : IPeeringNotifier
{
    private readonly Channel<(string InstanceId, DateTimeOffset NotifiedAt)> notices =
        Channel.CreateUnbounded<(string, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    private int received;

    public ChannelReader<(string InstanceId, DateTimeOffset NotifiedAt)> Notices => notices.Reader;

    /// <summary>Notices delivered so far (a peering is WaitingForAcceptance before its notice goes out).</summary>
    public int Received => Volatile.Read(ref received);

    /// <summary>The receivers' decision requests only: no channel takes outcomes here.</summary>
    public bool DeliversOutcomeTo(string account) => false;

    public Task NotifyReceiverAsync(NotifyReceiverInput notice, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref received);
        notices.Writer.TryWrite((notice.InstanceId, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }
}
