using Microsoft.DurableTask;

namespace PeeringFunctions.Benchmarks.BareEngine;

/// <summary>Registers the bare peering of a shape with the Durable worker: its orchestrator and one activity per call.</summary>
public static class BareRegistration
{
    public static BareApprover? Register(DurableTaskRegistry tasks, PeeringShape shape, BareApprover? approver)
    {
        tasks.AddOrchestrator(BarePeeringOrchestrator.Name, () => new BarePeeringOrchestrator(shape));
        for (var step = 0; step < shape.Steps.Count; step++)
        {
            // The activity whose step is followed by the decision wait is the notification.
            var notifies = step + 1 < shape.Steps.Count && shape.Steps[step + 1].Timer?.RacedEvent is not null;
            for (var call = 0; call < shape.Steps[step].Calls.Count; call++)
            {
                var result = PeeringShape.Json(shape.Steps[step].Calls[call].Result);
                var notifier = notifies ? approver : null;
                tasks.AddActivity(BareActivity.NameOf(step, call), _ => new BareActivity(result, notifier));
            }
        }

        return approver;
    }

    /// <summary>The approver for a shape's decision wait, or null when the shape waits for no event.</summary>
    public static BareApprover? ApproverFor(PeeringShape shape) =>
        shape.Steps.Select(s => s.Timer).FirstOrDefault(t => t?.RacedEvent is not null) is { } wait
            ? new BareApprover(wait.RacedEvent!, wait.EventPayload)
            : null;
}
