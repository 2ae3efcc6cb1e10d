using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Status;

/// <summary>
/// Step times where the Durable backend keeps no readable history (the local host's in-memory engine): the pages
/// note when they first see a peering in each step, as the local host's demo does. The start (the instance's creation)
/// and the end (its last update, once finished) are exact; a step in between is timed by the read that first saw it,
/// so within one refresh of an open page. Per process, bounded, and forgotten a day after the peering ended.
/// </summary>
public sealed class StepClock(TimeProvider time)
{
    private const int MaxInstances = 2000;
    private static readonly TimeSpan KeepFinished = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Seen> instances = new(StringComparer.Ordinal);

    /// <summary>Notes the step a read found a peering instance in (read with its inputs); returns what it read, or null when it is no peering.</summary>
    public PeeringSnapshot? Observe(OrchestrationMetadata instance)
    {
        var peering = PeeringSnapshot.TryFrom(instance);
        if (peering is not null)
        {
            Observe(peering);
        }

        return peering;
    }

    /// <summary>Notes the step a read found the peering in.</summary>
    internal void Observe(PeeringSnapshot peering)
    {
        var now = time.GetUtcNow();
        if (instances.Count > MaxInstances)
        {
            foreach (var old in instances.Where(i => i.Value.FinishedAt is { } at && now - at > KeepFinished).Select(i => i.Key).ToList())
            {
                instances.TryRemove(old, out _);
            }

            if (instances.Count > MaxInstances)
            {
                instances.Clear();
            }
        }

        var seen = instances.AddOrUpdate(
            peering.InstanceId,
            _ => new Seen(peering.CreatedAt),
            (_, existing) => existing.CreatedAt == peering.CreatedAt ? existing : new Seen(peering.CreatedAt)); // a new run of the same pair
        lock (seen)
        {
            // The read's own time bounds it; the instance's last update is never later than the change we see.
            var at = peering.LastUpdatedAt < now ? peering.LastUpdatedAt : now;
            var step = peering.Progress?.Step ?? PeeringSteps.Preflight;
            if (peering.IsRunning)
            {
                seen.FirstSeen.TryAdd(step, at);
            }
            else
            {
                seen.FinishedAt ??= peering.LastUpdatedAt;
            }
        }
    }

    /// <summary>The times observed so far, as the progress line reads them.</summary>
    internal StepTimes TimesOf(PeeringSnapshot peering)
    {
        var times = new StepTimes();
        times.Start(StepLine.Preflight, peering.CreatedAt);
        if (!instances.TryGetValue(peering.InstanceId, out var seen) || seen.CreatedAt != peering.CreatedAt)
        {
            if (!peering.IsRunning)
            {
                times.End(StepLine.Preflight, peering.LastUpdatedAt);
            }

            return times;
        }

        lock (seen)
        {
            // In the order the steps happen: each step seen ends the ones before it.
            foreach (var (step, at) in seen.FirstSeen.OrderBy(s => s.Value))
            {
                foreach (var key in KeysOf(step))
                {
                    EndBefore(times, key, at);
                    times.Start(key, at);
                }
            }

            if ((seen.FinishedAt ?? (peering.IsRunning ? null : peering.LastUpdatedAt)) is { } finished)
            {
                // Finished: what was under way ended then (an active peering went through every step).
                var active = peering.Outcome?.Status == PeeringStatus.Active;
                foreach (var (key, _) in StepLine.Steps)
                {
                    if (active || times.Started(key) is not null)
                    {
                        times.End(key, finished);
                    }
                }
            }
        }

        return times;
    }

    /// <summary>A step seen ends every step before it: those passed unseen get the time they were done by.</summary>
    private static void EndBefore(StepTimes times, string key, DateTimeOffset at)
    {
        foreach (var (earlier, _) in StepLine.Steps.TakeWhile(s => s.Key != key))
        {
            if (!(key == StepLine.Associations && earlier == StepLine.Routes))
            {
                times.End(earlier, at);
            }
        }
    }

    private static IEnumerable<string> KeysOf(string progressStep) => progressStep switch
    {
        PeeringSteps.Preflight => [StepLine.Preflight],
        PeeringSteps.Requesting => [StepLine.Request],
        PeeringSteps.WaitingForAcceptance or PeeringSteps.Accepting or PeeringSteps.Activating or PeeringSteps.ClosingRequest => [StepLine.Acceptance],
        PeeringSteps.Configuring => [StepLine.Routes, StepLine.Associations],
        PeeringSteps.Verifying => [StepLine.Verification],
        _ => [],
    };

    private sealed class Seen(DateTimeOffset createdAt)
    {
        public DateTimeOffset CreatedAt { get; } = createdAt;

        public Dictionary<string, DateTimeOffset> FirstSeen { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? FinishedAt { get; set; }
    }
}
