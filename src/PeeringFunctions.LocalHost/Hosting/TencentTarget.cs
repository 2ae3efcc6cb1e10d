namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>Which Tencent API the host talks to and the accounts it manages — what the banner prints, nothing secret.</summary>
/// <param name="IsEmbeddedEmulator">True when the host started the emulator itself (no Tencent settings were given).</param>
/// <param name="ApiUrl">Where VPC API requests go: the emulator's URL, a configured BaseUrl or https://{Endpoint}/.</param>
public sealed record TencentTarget(bool IsEmbeddedEmulator, string ApiUrl, IReadOnlyList<ManagedAccountSummary> Accounts);

/// <param name="DemoApproverKey">Only for the embedded emulator's demo accounts: a documented demo value, not a secret.</param>
public sealed record ManagedAccountSummary(string Alias, string Uin, bool HasApproverKey, string? DemoApproverKey = null);
