using TencentVpcEmulator;

namespace PeeringFunctions.Peerings.Tests.Support;

/// <summary>
/// Wall time as the emulator sees it: after <see cref="TencentVpcEmulatorServer.AdvanceClock"/> the emulator refuses
/// signatures more than five minutes off its clock, so every client in these tests signs with this one.
/// </summary>
internal sealed class EmulatorTime(TencentVpcEmulatorServer emulator) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => emulator.Now;
}
