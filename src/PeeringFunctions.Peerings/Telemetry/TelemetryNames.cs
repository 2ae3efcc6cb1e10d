using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Telemetry;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>The app's ActivitySources and Meters, written once: every host subscribes its OpenTelemetry to these.</summary>
public static class TelemetryNames
{
    /// <summary>
    /// The Durable Task SDK's source: its client span for a start (create_orchestration), the orchestration's span and a
    /// span per activity, each carrying the trace context of the code that started the instance.
    /// </summary>
    public const string DurableTask = "Microsoft.DurableTask";

    public static readonly string[] Sources = [TencentTelemetry.Name, DurableTask, PeeringTelemetry.Name];

    public static readonly string[] Meters = [TencentTelemetry.Name, RateLimitTelemetry.Name, WorkflowTelemetry.Name, PeeringTelemetry.Name, OperationsTelemetry.Name];
}
