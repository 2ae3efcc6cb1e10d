namespace PeeringFunctions.Workflow.Contracts;

/// <summary>A bandwidth change's custom status: where it is, for which peering, towards what.</summary>
public sealed record BandwidthChangeProgress(string Step, string PeeringConnectionId, long RequestedMbps);

/// <summary>The steps of a bandwidth change, as its custom status names them.</summary>
public static class BandwidthChangeSteps
{
    public const string Reading = "Reading";
    public const string Changing = "Changing";
    public const string ReadingBack = "ReadingBack";
    public const string Completed = PeeringSteps.Completed;
}
