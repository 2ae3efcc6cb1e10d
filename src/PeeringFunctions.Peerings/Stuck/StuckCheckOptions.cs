using Microsoft.Extensions.Options;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Stuck;

/// <summary>
/// The "StuckCheck" section: how long an instance may stay in one step before it is reported stuck. The Functions app
/// schedules the check with a CRON app setting (StuckCheckSchedule); the local host uses Interval and Enabled.
/// </summary>
public sealed class StuckCheckOptions
{
    public const string SectionName = "StuckCheck";

    /// <summary>
    /// Per step (the custom status's step word, any orchestration), the longest normal stay. Each step is a few Tencent
    /// calls with retries: minutes, unless Tencent hangs or an activity never returns. Configuring and the cross-region
    /// activation wait take longer by design (many routes; Tencent's own activation task).
    /// </summary>
    public Dictionary<string, TimeSpan> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [PeeringSteps.Preflight] = TimeSpan.FromMinutes(10),
        [PeeringSteps.Requesting] = TimeSpan.FromMinutes(10),
        [PeeringSteps.Accepting] = TimeSpan.FromMinutes(10),
        [PeeringSteps.ClosingRequest] = TimeSpan.FromMinutes(10),
        [PeeringSteps.Activating] = TimeSpan.FromMinutes(30),
        [PeeringSteps.Configuring] = TimeSpan.FromMinutes(30),
        [PeeringSteps.Verifying] = TimeSpan.FromMinutes(15),
        [PeeringSteps.Compensating] = TimeSpan.FromMinutes(30),
    };

    /// <summary>Steps not in <see cref="Thresholds"/> (teardown, repair, bandwidth change, starting): 30 minutes.</summary>
    public TimeSpan DefaultThreshold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Waiting for acceptance is the receiver's time, not a hang: it is stuck only this long past its own acceptance
    /// deadline (the run should have expired it by then).
    /// </summary>
    public TimeSpan AcceptanceGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The local host's time between checks; 5 minutes by default, like the Functions schedule.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The local host's off switch, e.g. for tests that tick the check themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The threshold of <paramref name="step"/> (keys match without regard to case).</summary>
    public TimeSpan ThresholdOf(string step) =>
        Thresholds.FirstOrDefault(t => string.Equals(t.Key, step, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Value
            : DefaultThreshold;
}

/// <summary>Checked when the host starts, so a bad value stops it with a message naming the key.</summary>
public sealed class StuckCheckOptionsValidator : IValidateOptions<StuckCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, StuckCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (step, threshold) in options.Thresholds.Append(new("(default)", options.DefaultThreshold)))
        {
            if (threshold <= TimeSpan.Zero)
            {
                failures.Add($"{StuckCheckOptions.SectionName}:{(step == "(default)" ? "DefaultThreshold" : $"Thresholds:{step}")} must be positive (e.g. 00:10:00); it is {threshold}.");
            }
        }

        if (options.AcceptanceGrace < TimeSpan.Zero)
        {
            failures.Add($"{StuckCheckOptions.SectionName}:AcceptanceGrace must not be negative; it is {options.AcceptanceGrace}.");
        }

        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{StuckCheckOptions.SectionName}:Interval must be at least 1 second (e.g. 00:05:00); it is {options.Interval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
