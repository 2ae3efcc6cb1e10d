using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Telemetry;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>
/// Writes a peering's record to the registry (the whole record of the step, so running twice writes the same). The
/// registry mirrors what the workflow did; a write that fails is logged and reported as false, never a reason to undo
/// a peering that Tencent holds. The record it replaces says which step this write reaches (the receiver's decision,
/// Active): those are measured here (<see cref="PeeringMilestones"/>), once, and the request's time is carried over.
/// The step also goes into the audit trail (<see cref="StepEntries"/>).
/// </summary>
public sealed class RecordPeeringActivity(IPeeringRegistry registry, AuditWriter audit, ILogger<RecordPeeringActivity> logger)
    : TaskActivity<RegisteredPeering, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RegisteredPeering input)
    {
        // The trail first: it keeps the step even when the record's store fails.
        await audit.AppendAsync(StepEntries.Of(input));
        try
        {
            var previous = await registry.GetAsync(input.Id, CancellationToken.None);
            var record = input with { RequestedAt = RequestedAt(previous, input) };
            await registry.UpsertAsync(record, CancellationToken.None);
            PeeringMilestones.Record(previous, record);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Recording {PeeringId} ({State}) in the registry failed: {Error}", input.Id, input.State, error.Message);
            return false;
        }
    }

    /// <summary>
    /// A run's first Requested write starts the clock (a record left by an earlier run of the same pair is replaced);
    /// its later writes keep what the stored record has.
    /// </summary>
    private static DateTimeOffset? RequestedAt(RegisteredPeering? previous, RegisteredPeering input) =>
        input.State == RegistryStates.Requested && previous?.State != RegistryStates.Requested ? input.UpdatedAt : previous?.RequestedAt;
}
