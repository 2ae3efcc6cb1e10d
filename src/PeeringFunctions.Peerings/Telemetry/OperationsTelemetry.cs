using System.Diagnostics.Metrics;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>The operations timers' metrics (Meter "PeeringFunctions.Operations"), recorded by their use cases, never by orchestrator code.</summary>
public static class OperationsTelemetry
{
    public const string Name = "PeeringFunctions.Operations";

    /// <summary>The step tag of <c>peerings.stuck</c>.</summary>
    public const string Step = "peering.step";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Stuck = Meter.CreateCounter<long>(
        "peerings.stuck", "{instance}", "Instances reported stuck (once per instance and step), by step");

    public static void RecordStuck(string step) => Stuck.Add(1, new KeyValuePair<string, object?>(Step, step));
}
