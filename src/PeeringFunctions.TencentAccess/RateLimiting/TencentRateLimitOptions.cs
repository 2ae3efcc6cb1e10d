namespace PeeringFunctions.TencentAccess.RateLimiting;

/// <summary>
/// The "Tencent:RateLimits" section: the client-side limit every Tencent call goes through, one limiter per
/// (account, action), sized from the per-action limits Tencent documents (spec §6). On by default.
/// </summary>
/// <remarks>Read when a limiter is first needed for an (account, action); later changes apply to new limiters only.</remarks>
public sealed class TencentRateLimitOptions
{
    public const string SectionName = "Tencent:RateLimits";

    /// <summary>Off switch (e.g. for a Tencent account with raised limits, or a test measuring the server's own throttling).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Fraction of the documented limit the client uses (default 0.9: 18 of 20 req/s). The rest absorbs timing
    /// jitter between our clock and Tencent's one-second windows.
    /// </summary>
    public double Headroom { get; set; } = 0.9;

    /// <summary>Permits one (account, action) may use at once after an idle period (1: calls are evenly spaced from the start).</summary>
    public int Burst { get; set; } = 1;

    /// <summary>Documented req/s per action, overriding <see cref="DocumentedPerSecond"/> (e.g. after Tencent raised an account's quota).</summary>
    public Dictionary<string, double> PerSecond { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The limit assumed for an action Tencent documents none for: the strictest one of the VPC API.</summary>
    public double DefaultPerSecond { get; set; } = 20;

    /// <summary>
    /// How often one call is re-sent in process when Tencent still answers RequestLimitExceeded (a throttled call was
    /// not executed, so re-sending a write is safe). After that the error reaches the activity and the durable retry policy.
    /// </summary>
    public int MaxThrottleRetries { get; set; } = 5;

    /// <summary>
    /// The longest a call waits for its turn. Beyond it the call is not sent and fails as RequestLimitExceeded
    /// (transient: the durable retry policy tries again later). Below the client's 60 s request timeout on purpose.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>After RequestLimitExceeded the (account, action)'s rate is multiplied by this (0.75: a quarter off).</summary>
    public double ThrottledRateFactor { get; set; } = 0.75;

    /// <summary>The rate never drops below this fraction of its configured rate.</summary>
    public double MinimumRateFraction { get; set; } = 0.1;

    /// <summary>At most one cut per this interval: throttled answers to requests sent sooner after a cut were sent into the same full window.</summary>
    public TimeSpan CutInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a rate that was cut to zero would take to climb back to the configured rate (linear recovery).</summary>
    public TimeSpan RecoveryTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Tencent's default per-action limits for the VPC actions we call (req/s per account; spec §6, "[doc]" or, for
    /// Accept/Reject/Delete, the peering actions' 20 assumed). DeleteRoutes and ResetRoutes: the China site's 50.
    /// </summary>
    public static IReadOnlyDictionary<string, double> DocumentedPerSecond { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["CreateVpcPeeringConnection"] = 20,
        ["AcceptVpcPeeringConnection"] = 20,
        ["RejectVpcPeeringConnection"] = 20,
        ["DeleteVpcPeeringConnection"] = 20,
        ["ModifyVpcPeeringConnection"] = 20,
        ["DescribeVpcPeeringConnections"] = 20,
        ["CreateRoutes"] = 100,
        ["DeleteRoutes"] = 50,
        ["ReplaceRoutes"] = 100,
        ["ResetRoutes"] = 50,
        ["DescribeRouteTables"] = 100,
        ["ReplaceRouteTableAssociation"] = 100,
        ["DescribeSubnets"] = 100,
        ["DescribeVpcs"] = 100,
        ["ModifyRouteTableAttribute"] = 100,
    };

    /// <summary>The documented limit of <paramref name="action"/> (an override wins), in req/s.</summary>
    public double DocumentedLimitOf(string action) =>
        PerSecond.TryGetValue(action, out var configured) && configured > 0 ? configured
        : DocumentedPerSecond.TryGetValue(action, out var documented) ? documented
        : DefaultPerSecond;

    /// <summary>The rate the client sends <paramref name="action"/> at: the documented limit times <see cref="Headroom"/>.</summary>
    public double ClientRateOf(string action) => DocumentedLimitOf(action) * Math.Clamp(Headroom, 0.05, 1.0);
}
