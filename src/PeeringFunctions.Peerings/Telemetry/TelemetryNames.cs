using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>The app's ActivitySources and Meters, written once: every host subscribes its OpenTelemetry to these.</summary>
public static class TelemetryNames
{
    public static readonly string[] Sources = [TencentTelemetry.Name];

    public static readonly string[] Meters = [TencentTelemetry.Name, RateLimitTelemetry.Name, OperationsTelemetry.Name];
}
