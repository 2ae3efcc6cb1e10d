namespace PeeringFunctions.Workflow.Tests.Fakes;

/// <summary>The fixed clock every fake context starts with.</summary>
public static class FakeOrchestrationContextDefaults
{
    public static DateTime Now => FakeOrchestrationContext.DefaultNow;
}
