using Microsoft.DurableTask;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Workflow.Orchestrations;

/// <summary>
/// Takes back one <see cref="UndoEntry"/> at a time and reports it, for compensation (the run's own log, in reverse,
/// one entry after another) and teardown (a completed peering's sides, side by side). Each caller keeps its own
/// order: the order is in the history that in-flight instances replay. An undo that fails is reported, never allowed
/// to stop the others.
/// </summary>
public sealed class UndoRunner
{
    private readonly WorkflowActivities activities;
    private readonly string failureWording;
    private readonly List<string> done = [];
    private readonly List<string> problems = [];

    private UndoRunner(WorkflowActivities activities, string failureWording)
    {
        this.activities = activities;
        this.failureWording = failureWording;
    }

    // The two reports have always worded a failed step differently; outcomes already stored read that way.
    public static UndoRunner ForCompensation(WorkflowActivities activities) => new(activities, "could not undo");

    public static UndoRunner ForTeardown(WorkflowActivities activities) => new(activities, "could not complete");

    /// <summary>The entries taken back, in the order their calls finished.</summary>
    public IReadOnlyList<string> Done => done;

    public IReadOnlyList<string> Problems => problems;

    public Task UndoAsync(UndoEntry entry) => UndoAsync(entry, () => CallAsync(entry));

    /// <param name="undo">The caller's own way to take it back (compensation may delete with the receiver's credentials).</param>
    public async Task UndoAsync(UndoEntry entry, Func<Task> undo)
    {
        try
        {
            await undo();
            done.Add(entry.ToString());
        }
        catch (TaskFailedException error)
        {
            problems.Add($"{failureWording} ({entry}): {error.FailureDetails.ErrorMessage}");
        }
    }

    /// <summary>The one activity call that takes <paramref name="entry"/> back.</summary>
    private Task CallAsync(UndoEntry entry) => entry switch
    {
        UndoEntry.RemoveRoutes routes => activities.DeleteRoutesAsync(routes.Input),
        UndoEntry.RestoreAssociation association => activities.AssociateSubnetAsync(association.Input),
        UndoEntry.DeletePeering peering => activities.DeletePeeringAsync(peering.Target),
        _ => throw new InvalidOperationException($"No undo for {entry}."),
    };
}
