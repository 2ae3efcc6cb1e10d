using System.Text.Json;
using Microsoft.DurableTask;

namespace PeeringFunctions.Benchmarks.BareEngine;

/// <summary>
/// A peering's Durable work and nothing else: the steps of <see cref="PeeringShape"/> in order, each episode's
/// activities fanned out and awaited together, the decision raced against its deadline, the same custom status,
/// input and output sizes. Its activities (<see cref="BareActivity"/>) return the real results at once.
/// </summary>
public sealed class BarePeeringOrchestrator(PeeringShape shape) : TaskOrchestrator<JsonElement?, JsonElement?>
{
    public const string Name = "BarePeering";

    private readonly JsonElement? customStatus = PeeringShape.Json(shape.CustomStatus);
    private readonly JsonElement? output = PeeringShape.Json(shape.Output);
    private readonly JsonElement?[][] inputs = [.. shape.Steps.Select(s => s.Calls.Select(c => PeeringShape.Json(c.Input)).ToArray())];

    public override async Task<JsonElement?> RunAsync(TaskOrchestrationContext context, JsonElement? input)
    {
        for (var step = 0; step < shape.Steps.Count; step++)
        {
            // The real run reports its progress as it goes: one custom status saved with each episode.
            context.SetCustomStatus(customStatus);
            var work = shape.Steps[step].Calls
                .Select((call, i) => context.CallActivityAsync<JsonElement?>(BareActivity.NameOf(step, i), inputs[step][i]))
                .ToList<Task>();
            if (shape.Steps[step].Timer is { } timer)
            {
                work.Add(WaitAsync(context, timer));
            }

            await Task.WhenAll(work);
        }

        return output;
    }

    private static async Task WaitAsync(TaskOrchestrationContext context, ShapeTimer timer)
    {
        if (timer.RacedEvent is null)
        {
            await context.CreateTimer(timer.Delay, CancellationToken.None);
            return;
        }

        using var cancellation = new CancellationTokenSource();
        var deadline = context.CreateTimer(timer.Delay, cancellation.Token);
        var decision = context.WaitForExternalEvent<JsonElement?>(timer.RacedEvent);
        if (await Task.WhenAny(decision, deadline) == decision)
        {
            // Synchronously, as the real run does: CancelAsync would resume outside the Durable scheduler.
#pragma warning disable CA1849
            cancellation.Cancel();
#pragma warning restore CA1849
        }
    }
}
