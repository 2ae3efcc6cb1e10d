namespace TencentVpcEmulator.Control;

/// <summary>One write the emulator answered: what, as whom, and the RequestId its reply carried (success or error).</summary>
public sealed record RecordedWrite(string Action, string Account, string RequestId, bool IsError);
