namespace TencentVpcEmulator.Control;

// Bodies accepted by the control API (camelCase JSON).

/// <summary>PUT /_emulator/latency: {"action":"*"|name,"milliseconds":N}; 0 removes the entry.</summary>
internal sealed record LatencyRequest(string? Action, int Milliseconds);

/// <summary>PUT /_emulator/ratelimits: {"enabled":true,"perSecond":{"DescribeVpcs":5}} (perSecond optional, "*" allowed).</summary>
internal sealed record RateLimitRequest(bool Enabled, Dictionary<string, int>? PerSecond);

/// <summary>POST /_emulator/clock: {"advanceSeconds":N}.</summary>
internal sealed record ClockRequest(double AdvanceSeconds);

/// <summary>
/// PUT /_emulator/activation: delays in seconds (absent fields keep their current value; byRegionPair replaces the
/// pair table when given) and failNext, how many of the next accepted peerings end FAILED.
/// </summary>
internal sealed record ActivationRequest(
    double? CrossRegionSeconds,
    double? IntraRegionSeconds,
    Dictionary<string, double>? ByRegionPair,
    int? FailNext)
{
    /// <returns>The settings this request asks for on top of <paramref name="current"/>, or null when a value is out of range.</returns>
    public ActivationOptions? ToOptions(ActivationSettings current)
    {
        double[] seconds = [CrossRegionSeconds ?? 0, IntraRegionSeconds ?? 0, .. ByRegionPair?.Values.ToArray() ?? []];
        if (seconds.Any(s => s < 0 || double.IsNaN(s) || double.IsInfinity(s))
            || (ByRegionPair?.Keys.Any(k => k.Split('>') is not [{ Length: > 0 }, { Length: > 0 }]) ?? false))
        {
            return null;
        }

        var pairs = ByRegionPair ?? current.ByRegionPair.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new ActivationOptions
        {
            CrossRegionDelay = TimeSpan.FromSeconds(CrossRegionSeconds ?? current.CrossRegionSeconds),
            IntraRegionDelay = TimeSpan.FromSeconds(IntraRegionSeconds ?? current.IntraRegionSeconds),
            ByRegionPair = pairs.ToDictionary(kv => kv.Key, kv => TimeSpan.FromSeconds(kv.Value), StringComparer.Ordinal),
        };
    }
}

/// <summary>POST /_emulator/vpcs/{vpcId}/assistant-cidrs: {"cidrBlock":"10.12.0.0/16"}.</summary>
internal sealed record AssistantCidrRequest(string? CidrBlock);
