using System.Text.Json;
using DurableTask.Core.History;

namespace PeeringFunctions.Benchmarks.BareEngine;

/// <summary>One activity a peering scheduled: its name, the input it was given and the result it returned, as JSON.</summary>
public sealed record ShapeCall(string Name, string? Input, string? Result);

/// <summary>
/// A durable timer a peering created. <see cref="RacedEvent"/> is the event that won the race against it (the
/// receiver's decision against the acceptance deadline), or null when the timer fired (a pause).
/// </summary>
public sealed record ShapeTimer(TimeSpan Delay, string? RacedEvent, string? EventPayload);

/// <summary>What one episode of a peering started: activities (fanned out together) and at most one timer.</summary>
public sealed record ShapeStep(IReadOnlyList<ShapeCall> Calls, ShapeTimer? Timer);

/// <summary>
/// The shape of one real peering, read from its Durable history: the steps it scheduled episode by episode, with the
/// payloads of its input, output, activities and events, so that a bare orchestration can do the same Durable work
/// with activities that do nothing.
/// </summary>
public sealed record PeeringShape(string? Input, string? Output, string? CustomStatus, IReadOnlyList<ShapeStep> Steps)
{
    public int Activities => Steps.Sum(s => s.Calls.Count);

    public int Events => Steps.Count(s => s.Timer?.RacedEvent is not null);

    public static PeeringShape FromHistory(IReadOnlyList<HistoryEvent> history, string? customStatus)
    {
        var results = history.OfType<TaskCompletedEvent>().ToDictionary(e => e.TaskScheduledId, e => e.Result);
        var fired = history.OfType<TimerFiredEvent>().Select(e => e.TimerId).ToHashSet();
        var events = history.OfType<EventRaisedEvent>().ToList();
        var steps = new List<ShapeStep>();
        var calls = new List<ShapeCall>();
        ShapeTimer? timer = null;
        var episodeStart = DateTime.MinValue;
        var eventsTaken = 0;

        void EndEpisode()
        {
            if (calls.Count > 0 || timer is not null)
            {
                steps.Add(new ShapeStep([.. calls], timer));
            }

            calls.Clear();
            timer = null;
        }

        foreach (var e in history)
        {
            switch (e)
            {
                case OrchestratorStartedEvent:
                    EndEpisode();
                    episodeStart = e.Timestamp;
                    break;
                case TaskScheduledEvent scheduled:
                    calls.Add(new ShapeCall(scheduled.Name ?? "?", scheduled.Input, results.GetValueOrDefault(scheduled.EventId)));
                    break;
                case TimerCreatedEvent created when timer is null:
                    var raced = fired.Contains(created.EventId) || eventsTaken >= events.Count ? null : events[eventsTaken++];
                    timer = new ShapeTimer(created.FireAt - episodeStart, raced?.Name, raced?.Input);
                    break;
                case TimerCreatedEvent:
                    throw new NotSupportedException("A peering episode created two timers; the bare orchestration replays one per episode.");
                case TaskFailedEvent or SubOrchestrationInstanceCreatedEvent:
                    throw new NotSupportedException($"The peering's history holds a {e.EventType}; take the shape from a peering that succeeded at once.");
            }
        }

        EndEpisode();
        var started = history.OfType<ExecutionStartedEvent>().SingleOrDefault()
            ?? throw new InvalidOperationException($"The history read has no start ({history.Count} events: {string.Join(", ", history.Select(e => e.EventType).Distinct())}).");
        var completed = history.OfType<ExecutionCompletedEvent>().SingleOrDefault()
            ?? throw new InvalidOperationException("The peering has not completed; its shape is not whole yet.");
        return new PeeringShape(started.Input, completed.Result, customStatus, steps);
    }

    /// <summary>Parses a payload back to JSON, so it is sent with the same size it had (null stays null).</summary>
    public static JsonElement? Json(string? text) => string.IsNullOrEmpty(text) ? null : JsonDocument.Parse(text).RootElement.Clone();

    public string Describe() =>
        $"{Steps.Count} steps starting {Activities} activities ({Steps.Max(s => s.Calls.Count)} at most at once) and {Events} wait for an event; " +
        $"payloads {PayloadBytes() / 1024.0:N1} KB in all";

    private long PayloadBytes() =>
        (Input?.Length ?? 0) + (Output?.Length ?? 0) + (CustomStatus?.Length ?? 0)
        + Steps.Sum(s => s.Calls.Sum(c => (long)(c.Input?.Length ?? 0) + (c.Result?.Length ?? 0)) + (s.Timer?.EventPayload?.Length ?? 0));
}
