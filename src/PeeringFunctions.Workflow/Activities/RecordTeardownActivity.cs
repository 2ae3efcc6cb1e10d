using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Activities;

/// <summary>How a teardown ended, for the peering's registry record.</summary>
public sealed record TeardownRecord(string PeeringId, string State, string Message, DateTimeOffset At);

/// <summary>
/// Sets a registered peering's state after its teardown (one conditional update of the stored record: running twice
/// writes the same). A peering the registry does not hold is left alone; a failed write is logged, never a failure.
/// </summary>
public sealed class RecordTeardownActivity(IPeeringRegistry registry, AuditWriter audit, ILogger<RecordTeardownActivity> logger)
    : TaskActivity<TeardownRecord, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, TeardownRecord input)
    {
        await audit.AppendAsync(StepEntries.Of(input));
        try
        {
            var updated = await registry.UpdateAsync(
                input.PeeringId, record => record with { State = input.State, Message = input.Message, UpdatedAt = input.At }, CancellationToken.None);
            return updated is not null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("Recording the teardown of {PeeringId} in the registry failed: {Error}", input.PeeringId, error.Message);
            return false;
        }
    }
}
