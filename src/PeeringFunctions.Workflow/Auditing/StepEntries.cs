using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Workflow.Auditing;

/// <summary>
/// The audit entries of the workflow's records: each is keyed by the step's state and its orchestration time, which a
/// replayed or repeated activity carries unchanged, so it is written once.
/// </summary>
public static class StepEntries
{
    public const string Actor = "workflow";

    public static AuditEntry Of(RegisteredPeering record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var approved = record.ApprovedBy is { Length: > 0 } who && record.State == RegistryStates.Requested ? $" (approved by {who})" : "";
        return new AuditEntry(
            record.Id,
            record.UpdatedAt,
            AuditKinds.StateRecorded,
            Actor,
            AuditChannels.Workflow,
            $"{record.State}{approved}: {record.Message ?? "no message"}",
            null,
            $"state:{record.State}:{record.UpdatedAt.UtcTicks}");
    }

    public static AuditEntry Of(TeardownRecord teardown)
    {
        ArgumentNullException.ThrowIfNull(teardown);
        return new AuditEntry(
            teardown.PeeringId,
            teardown.At,
            AuditKinds.StateRecorded,
            Actor,
            AuditChannels.Workflow,
            $"{teardown.State}: {teardown.Message}",
            null,
            $"state:{teardown.State}:{teardown.At.UtcTicks}");
    }

    public static AuditEntry Of(RepairRecord repair)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var events = repair.Events.Count == 0 ? "" : " " + string.Join(" ", repair.Events.Select(e => $"[{e.Kind}] {e.Description}"));
        return new AuditEntry(
            repair.PeeringId,
            repair.At,
            AuditKinds.StateRecorded,
            Actor,
            AuditChannels.Workflow,
            $"{repair.Kind} ended: {repair.Message}{events}",
            null,
            $"repair:{repair.Kind}:{repair.At.UtcTicks}");
    }
}
