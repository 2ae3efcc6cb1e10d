using System.Text.Json.Serialization;

namespace TencentVpcEmulator;

/// <summary>How an injected fault shows itself to the client.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultMode>))]
public enum FaultMode
{
    /// <summary>Reply with Response.Error {Code, Message}; the action is not performed.</summary>
    Error,

    /// <summary>Perform the action, then abort the connection: the client sees a network failure ("response lost").</summary>
    DropReply,

    /// <summary>Perform the action normally after an extra delay of <see cref="FaultRule.Milliseconds"/>.</summary>
    Delay,
}

/// <summary>
/// A fault injected into a fraction of calls. Body of PUT /_emulator/faults, e.g.
/// {"action":"CreateVpcPeeringConnection","account":"alpha","rate":0.2,"code":"RequestLimitExceeded","mode":"error"}.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Action name or "*" for every action.</summary>
    public string Action { get; init; } = "*";

    /// <summary>Optional account name (or UIN) the rule is limited to.</summary>
    public string? Account { get; init; }

    /// <summary>Probability 0..1 that a matching call is hit (drawn from the RandomSeed-seeded generator).</summary>
    public double Rate { get; init; } = 1.0;

    /// <summary>
    /// Error code for mode error, e.g. RequestLimitExceeded, InternalError, ResourceUnavailable: a common code or one
    /// documented for <see cref="Action"/> (for "*", documented for every action); anything else is refused.
    /// </summary>
    public string Code { get; init; } = "InternalError";

    public string? Message { get; init; }

    public FaultMode Mode { get; init; } = FaultMode.Error;

    /// <summary>Extra delay for mode delay.</summary>
    public int Milliseconds { get; init; } = 1000;

    /// <summary>Optional: stop after hitting this many calls (null = no limit).</summary>
    public int? Count { get; init; }
}
