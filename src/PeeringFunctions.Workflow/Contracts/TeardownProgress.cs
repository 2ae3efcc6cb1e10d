namespace PeeringFunctions.Workflow.Contracts;

/// <summary>
/// A teardown's custom status. Readers find it by its JSON names ("step", "peeringConnectionId"), as they did when
/// it was an anonymous object: keep them.
/// </summary>
public sealed record TeardownProgress(string Step, string PeeringConnectionId);

/// <summary>The steps of a teardown, as its custom status names them.</summary>
public static class TeardownSteps
{
    public const string RemovingRoutes = "RemovingRoutes";
    public const string DeletingPeering = "DeletingPeering";
    public const string Completed = PeeringSteps.Completed;
}
