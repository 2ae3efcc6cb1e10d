namespace PeeringFunctions.Peerings.Acceptance;

/// <summary>
/// The "AcceptancePoll" section, for hosts that run the poller on their own timer (the local host). The Functions app
/// schedules it with a CRON app setting instead (AcceptancePollSchedule).
/// </summary>
public sealed class AcceptancePollingOptions
{
    public const string SectionName = "AcceptancePoll";

    /// <summary>Time between ticks; one minute by default, like the Functions schedule.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Off switch, e.g. for tests that tick the poller themselves.</summary>
    public bool Enabled { get; set; } = true;
}
