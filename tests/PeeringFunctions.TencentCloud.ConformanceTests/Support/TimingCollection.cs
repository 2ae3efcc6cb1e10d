namespace PeeringFunctions.TencentCloud.ConformanceTests.Support;

/// <summary>Latency, timeout and rate-limit tests run alone, so a busy machine does not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing-sensitive";
}
