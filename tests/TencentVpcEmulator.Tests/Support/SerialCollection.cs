namespace TencentVpcEmulator.Tests.Support;

/// <summary>Timing-sensitive tests (latency, rate limits, node process) run alone so a busy 2-core box does not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "timing-sensitive";
}
