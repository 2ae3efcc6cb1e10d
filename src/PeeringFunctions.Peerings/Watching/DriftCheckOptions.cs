using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Watching;

/// <summary>
/// The "DriftCheck" section, for hosts that run the watcher on their own timer (the local host). The Functions app
/// schedules it with a CRON app setting instead (DriftCheckSchedule).
/// </summary>
public sealed class DriftCheckOptions
{
    public const string SectionName = "DriftCheck";

    /// <summary>Time between ticks; 15 minutes by default, like the Functions schedule.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Off switch, e.g. for tests that tick the watcher themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Checked when the host starts, so a bad interval stops it with a message naming the key.</summary>
public sealed class DriftCheckOptionsValidator : IValidateOptions<DriftCheckOptions>
{
    /// <summary>Shorter than this, ticks would overlap a tick's own reads of a large registry.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, DriftCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Interval < MinimumInterval
            ? ValidateOptionsResult.Fail(
                $"{DriftCheckOptions.SectionName}:Interval must be at least {MinimumInterval.TotalSeconds:0} second (e.g. 00:15:00); it is {options.Interval}.")
            : ValidateOptionsResult.Success;
    }
}
