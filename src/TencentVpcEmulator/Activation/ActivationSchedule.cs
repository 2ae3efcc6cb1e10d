namespace TencentVpcEmulator.Activation;

/// <summary>
/// The live activation settings (they start as <see cref="EmulatorOptions.Activation"/>; the control API changes them)
/// and the injected failures: the next N accepted peerings end FAILED instead of ACTIVE. Guarded by the store lock.
/// </summary>
internal sealed class ActivationSchedule(ActivationOptions initial)
{
    private ActivationOptions _settings = initial.Copy();
    private int _failuresToInject;

    public ActivationSettings Snapshot() => new(
        _settings.CrossRegionDelay.TotalSeconds,
        _settings.IntraRegionDelay.TotalSeconds,
        _settings.ByRegionPair.ToDictionary(kv => kv.Key, kv => kv.Value.TotalSeconds, StringComparer.Ordinal),
        _failuresToInject);

    public void Configure(ActivationOptions settings) => _settings = settings.Copy();

    public void FailNext(int count) => _failuresToInject = count;

    public void Reset(ActivationOptions initial)
    {
        _settings = initial.Copy();
        _failuresToInject = 0;
    }

    /// <summary>Takes one planned activation: how long it takes and whether it ends FAILED.</summary>
    public (TimeSpan Delay, bool Fails) Plan(string sourceRegion, string destinationRegion)
    {
        var fails = _failuresToInject > 0;
        if (fails)
        {
            _failuresToInject--;
        }

        return (_settings.DelayFor(sourceRegion, destinationRegion), fails);
    }
}
