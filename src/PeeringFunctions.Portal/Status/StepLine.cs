using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Status;

public enum StepStatus
{
    /// <summary>Not reached (yet, or ever).</summary>
    Pending,
    Current,
    Done,
    Failed,

    /// <summary>Done, then undone by compensation.</summary>
    Undone,
}

/// <param name="At">When the step finished (done, failed, undone) or began (current); null when unknown.</param>
public sealed record StepState(string Key, string Label, StepStatus Status, DateTimeOffset? At, string? Note);

/// <summary>
/// The six steps of the manual procedure — pre-flight, request, acceptance, routes, associations, verification — as
/// the progress line shows them, from the instance's progress and outcome (what happened) and, where the Durable
/// backend gives it, its history (when).
/// </summary>
public static class StepLine
{
    public const string Preflight = "preflight";
    public const string Request = "request";
    public const string Acceptance = "acceptance";
    public const string Routes = "routes";
    public const string Associations = "associations";
    public const string Verification = "verification";

    public static readonly IReadOnlyList<(string Key, string Label)> Steps =
    [
        (Preflight, "Pre-flight"),
        (Request, "Request"),
        (Acceptance, "Acceptance"),
        (Routes, "Routes"),
        (Associations, "Associations"),
        (Verification, "Verification"),
    ];

    internal static IReadOnlyList<StepState> Build(PeeringSnapshot peering, StepTimes? times) =>
        Build(peering.Progress, peering.Outcome, peering.IsRunning, peering.RuntimeStatus.ToString(), times ?? StepTimes.None, peering.Request.Receiver.IsManaged);

    public static IReadOnlyList<StepState> Build(
        PeeringProgress? progress, PeeringOutcome? outcome, bool running, string runtimeStatus, StepTimes times, bool receiverManaged)
    {
        var status = new StepStatus[Steps.Count];
        var notes = new string?[Steps.Count];
        var step = progress?.Step ?? PeeringSteps.Preflight;

        if (outcome is not null)
        {
            FromOutcome(outcome, status, notes, times, progress);
        }
        else if (running)
        {
            var (first, last) = step == PeeringSteps.Compensating ? FailedIndexes(times.FailedActivity) : Reached(step);
            for (var i = 0; i < first; i++)
            {
                status[i] = StepStatus.Done;
            }

            for (var i = first; i <= last; i++)
            {
                status[i] = step == PeeringSteps.Compensating ? StepStatus.Failed : StepStatus.Current;
                notes[i] = step == PeeringSteps.Compensating ? "failed; undoing partial work" : null;
            }
        }
        else
        {
            // Failed or terminated without an outcome: the step it was in failed.
            var (first, last) = Reached(step);
            for (var i = 0; i < first; i++)
            {
                status[i] = StepStatus.Done;
            }

            for (var i = first; i <= last; i++)
            {
                status[i] = StepStatus.Failed;
                notes[i] = runtimeStatus.ToLowerInvariant();
            }
        }

        if (step == PeeringSteps.WaitingForAcceptance && running)
        {
            notes[IndexOf(Acceptance)] = receiverManaged ? "waiting for the receiver" : "waiting for the receiver's console";
        }

        if (step == PeeringSteps.Activating && running)
        {
            notes[IndexOf(Acceptance)] = "accepted; Tencent is activating it";
        }

        return Steps.Select((s, i) => new StepState(s.Key, s.Label, status[i], times.At(s.Key, status[i]), notes[i])).ToList();
    }

    private static void FromOutcome(PeeringOutcome outcome, StepStatus[] status, string?[] notes, StepTimes times, PeeringProgress? progress)
    {
        switch (outcome.Status)
        {
            case PeeringStatus.Active:
                Array.Fill(status, StepStatus.Done);
                return;
            case PeeringStatus.PreflightFailed:
                status[0] = StepStatus.Failed;
                notes[0] = "refused";
                return;
            case PeeringStatus.Rejected or PeeringStatus.Expired or PeeringStatus.PeerDeleted:
                status[0] = status[1] = StepStatus.Done;
                status[2] = StepStatus.Failed;
                notes[2] = outcome.Status switch
                {
                    PeeringStatus.Rejected => "rejected",
                    PeeringStatus.Expired => "expired",
                    _ => "deleted on Tencent",
                };
                return;
        }

        // Failed: the step it failed at, and what compensation undid.
        var failedStep = outcome.FailedStep ?? progress?.Step ?? PeeringSteps.Preflight;
        var (first, last) = Reached(failedStep);
        if (first == IndexOf(Routes) && times.FailedActivity is { } activity)
        {
            // Routes and associations run in parallel: the history says which one failed.
            (first, last) = activity.StartsWith("AssociateSubnet", StringComparison.Ordinal)
                ? (IndexOf(Associations), IndexOf(Associations))
                : (IndexOf(Routes), IndexOf(Routes));
        }

        var undone = outcome.Undone.Count > 0;
        for (var i = 0; i < first; i++)
        {
            // The request and whatever was configured were undone; pre-flight and the acceptance stay done.
            status[i] = undone && i is 1 or 3 or 4 ? StepStatus.Undone : StepStatus.Done;
        }

        for (var i = first; i <= last; i++)
        {
            status[i] = StepStatus.Failed;
            notes[i] = "failed";
        }

        if (undone && first == IndexOf(Associations))
        {
            status[IndexOf(Routes)] = StepStatus.Undone;
        }
    }

    /// <summary>Where a failure happened, by the activity that failed last (verification when unknown).</summary>
    private static (int First, int Last) FailedIndexes(string? activity) =>
        StepOfActivity(activity) is { } key ? (IndexOf(key), IndexOf(key)) : (IndexOf(Verification), IndexOf(Verification));

    /// <summary>The step an activity's writes belong to, or null for one that is no step of its own (reads, notices, undo).</summary>
    public static string? StepOfActivity(string? activity) => activity switch
    {
        nameof(CreatePeeringActivity) => Request,
        nameof(AcceptPeeringActivity) => Acceptance,
        nameof(CreateRoutesActivity) => Routes,
        nameof(AssociateSubnetActivity) => Associations,
        _ => null,
    };

    /// <summary>The step indexes a progress step stands for (routes and associations run together).</summary>
    private static (int First, int Last) Reached(string step) => step switch
    {
        PeeringSteps.Preflight => (0, 0),
        PeeringSteps.Requesting => (1, 1),
        PeeringSteps.WaitingForAcceptance or PeeringSteps.Accepting or PeeringSteps.Activating or PeeringSteps.ClosingRequest => (2, 2),
        PeeringSteps.Configuring => (3, 4),
        PeeringSteps.Verifying or PeeringSteps.Compensating or PeeringSteps.Completed => (5, 5),
        _ => (0, 0),
    };

    private static int IndexOf(string key)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Key == key)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(key), key, "Not a step.");
    }
}
