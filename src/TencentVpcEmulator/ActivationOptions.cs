namespace TencentVpcEmulator;

/// <summary>
/// How long an accepted peering stays PENDING before it turns ACTIVE. Legacy docs describe cross-region accept as an
/// asynchronous task; API 3.0 does not say. So by default a cross-region activation takes a short while and an
/// intra-region one is instant; a client must read until ACTIVE, never assume it.
/// </summary>
public sealed class ActivationOptions
{
    /// <summary>Between two regions, unless <see cref="ByRegionPair"/> names the pair.</summary>
    public TimeSpan CrossRegionDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Within one region, unless <see cref="ByRegionPair"/> names it ("ap-guangzhou&gt;ap-guangzhou").</summary>
    public TimeSpan IntraRegionDelay { get; set; } = TimeSpan.Zero;

    /// <summary>"source-region&gt;destination-region" → delay; the initiator's region comes first.</summary>
    public Dictionary<string, TimeSpan> ByRegionPair { get; set; } = new(StringComparer.Ordinal);

    public static string PairKey(string sourceRegion, string destinationRegion) => $"{sourceRegion}>{destinationRegion}";

    public ActivationOptions Copy() => new()
    {
        CrossRegionDelay = CrossRegionDelay,
        IntraRegionDelay = IntraRegionDelay,
        ByRegionPair = new Dictionary<string, TimeSpan>(ByRegionPair, StringComparer.Ordinal),
    };

    public TimeSpan DelayFor(string sourceRegion, string destinationRegion) =>
        ByRegionPair.TryGetValue(PairKey(sourceRegion, destinationRegion), out var delay) ? delay
        : sourceRegion == destinationRegion ? IntraRegionDelay
        : CrossRegionDelay;
}

/// <summary>What GET /_emulator/activation shows: delays in seconds and the failures still to inject.</summary>
public sealed record ActivationSettings(
    double CrossRegionSeconds,
    double IntraRegionSeconds,
    IReadOnlyDictionary<string, double> ByRegionPair,
    int FailNext);
