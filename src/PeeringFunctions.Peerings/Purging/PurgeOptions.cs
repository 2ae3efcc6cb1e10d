using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Purging;

/// <summary>
/// The "Purge" section: how long finished instances keep their Durable history, and how many one tick purges. The
/// Functions app schedules the tick with a CRON app setting (PurgeSchedule); the local host uses Interval and Enabled.
/// </summary>
public sealed class PurgeOptions
{
    public const string SectionName = "Purge";

    /// <summary>A finished instance's history is kept this long after it ended; 30 days by default.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// At most this many instances purged per tick; 100 by default. Bounded because each purge deletes an instance's
    /// history rows and blobs from the storage the running orchestrations use: a first tick over a year of instances would
    /// otherwise run past the function's timeout and throttle that storage; the rest waits for the next tick.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The local host's time between ticks; one hour by default, like the Functions schedule.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The local host's off switch, e.g. for tests that tick the purge themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Checked when the host starts, so a bad value stops it with a message naming the key.</summary>
public sealed class PurgeOptionsValidator : IValidateOptions<PurgeOptions>
{
    /// <summary>Shorter than this, a purge could take the history of an instance someone is still looking at.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromHours(1);

    public const int MaximumBatchSize = 1000;

    public ValidateOptionsResult Validate(string? name, PurgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Retention < MinimumRetention)
        {
            failures.Add($"{PurgeOptions.SectionName}:Retention must be at least {MinimumRetention} (e.g. 30.00:00:00); it is {options.Retention}.");
        }

        if (options.BatchSize is < 1 or > MaximumBatchSize)
        {
            failures.Add($"{PurgeOptions.SectionName}:BatchSize must be between 1 and {MaximumBatchSize}; it is {options.BatchSize}.");
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{PurgeOptions.SectionName}:Interval must be at least 1 second (e.g. 01:00:00); it is {options.Interval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
