namespace PeeringFunctions.Workflow.Contracts;

/// <summary>A repair's custom status: its step and what it is doing, in words, for the peering's status document.</summary>
public sealed record RepairProgress(string Step, string Message);

/// <summary>The steps of a repair, as its custom status names them.</summary>
public static class RepairSteps
{
    public const string Checking = "Checking";
    public const string Repairing = "Repairing";
    public const string Recording = "Recording";
    public const string Completed = PeeringSteps.Completed;
}
