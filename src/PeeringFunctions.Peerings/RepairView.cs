using Microsoft.DurableTask.Client;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings;

/// <summary>The latest repair of a peering, as its status document shows it: running (its step) or ended (its outcome).</summary>
/// <param name="Step">One of <see cref="RepairSteps"/>.</param>
/// <param name="Message">What it is doing, or how it ended, in words.</param>
/// <param name="Outcome">One of <see cref="RepairStatus"/> once it has ended; null while it runs.</param>
public sealed record RepairView(string Id, string Kind, string RuntimeStatus, string? Step, string? Message, string? Outcome)
{
    public static RepairView From(OrchestrationMetadata repair)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var progress = repair.ReadCustomStatusAs<RepairProgress>();
        var outcome = repair.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? repair.ReadOutputAs<RepairOutcome>() : null;
        return new RepairView(
            repair.InstanceId,
            repair.ReadInputAs<RepairRequest>()?.Kind ?? RepairKinds.Repair,
            repair.RuntimeStatus.ToString(),
            progress?.Step,
            outcome?.Message ?? progress?.Message ?? repair.FailureDetails?.ErrorMessage,
            outcome?.Status);
    }

    /// <summary>The peering's latest repair, or null when it never had one.</summary>
    public static async Task<RepairView?> FindAsync(DurableTaskClient client, string peeringId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.GetInstanceAsync(PeeringInstanceIds.RepairOf(peeringId), getInputsAndOutputs: true, cancellationToken) is { } repair
            ? From(repair)
            : null;
    }
}
