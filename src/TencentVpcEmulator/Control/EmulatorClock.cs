namespace TencentVpcEmulator.Control;

/// <summary>
/// The emulator's notion of "now": the configured TimeProvider plus an offset that /_emulator/clock moves forward.
/// It drives peering expiry, the signature time window and CreateTime stamps.
/// </summary>
internal sealed class EmulatorClock(TimeProvider baseTime)
{
    private long _offsetTicks;

    public DateTimeOffset UtcNow => baseTime.GetUtcNow() + Offset;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void ResetOffset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
