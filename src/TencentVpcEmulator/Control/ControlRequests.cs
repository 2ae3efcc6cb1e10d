namespace TencentVpcEmulator.Control;

// Bodies accepted by the control API (camelCase JSON).

/// <summary>PUT /_emulator/latency: {"action":"*"|name,"milliseconds":N}; 0 removes the entry.</summary>
internal sealed record LatencyRequest(string? Action, int Milliseconds);

/// <summary>PUT /_emulator/ratelimits: {"enabled":true,"perSecond":{"DescribeVpcs":5}} (perSecond optional, "*" allowed).</summary>
internal sealed record RateLimitRequest(bool Enabled, Dictionary<string, int>? PerSecond);

/// <summary>POST /_emulator/clock: {"advanceSeconds":N}.</summary>
internal sealed record ClockRequest(double AdvanceSeconds);
