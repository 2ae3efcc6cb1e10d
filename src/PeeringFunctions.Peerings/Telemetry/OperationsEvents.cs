using Microsoft.Extensions.Logging;

namespace PeeringFunctions.Peerings.Telemetry;

/// <summary>The named log events of the operations timers (purge, stuck instances): alerts and queries key on their ids.</summary>
public static class OperationsEvents
{
    public static readonly EventId HistoryPurged = new(1701, nameof(HistoryPurged));

    /// <summary>A finished instance past its retention kept its history: its registry record is missing or in progress.</summary>
    public static readonly EventId PurgeSkipped = new(1702, nameof(PurgeSkipped));

    /// <summary>An instance stayed in one step past that step's threshold (logged once per instance and step).</summary>
    public static readonly EventId InstanceStuck = new(1703, nameof(InstanceStuck));
}
