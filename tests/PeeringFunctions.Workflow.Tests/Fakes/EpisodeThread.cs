namespace PeeringFunctions.Workflow.Tests.Fakes;

/// <summary>
/// The one thread an orchestrator runs on in <see cref="FakeOrchestrationContext.RunInEpisodes{T}"/>: continuations
/// queue here and run, in order, until none is left, which is when the orchestrator waits and its episode ends.
/// </summary>
internal sealed class EpisodeThread : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> work = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (work)
        {
            work.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("An orchestrator never blocks on its own thread.");

    public void RunUntilIdle()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (work)
            {
                if (!work.TryDequeue(out next))
                {
                    return;
                }
            }

            next.Callback(next.State);
        }
    }
}
