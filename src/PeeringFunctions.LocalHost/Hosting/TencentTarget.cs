namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>Which Tencent API the host talks to and the accounts it manages — what the banner prints, nothing secret.</summary>
/// <param name="IsEmbeddedEmulator">True when the host started the emulator itself (no Tencent settings were given).</param>
/// <param name="ApiUrl">Where VPC API requests go: the emulator's URL, a configured BaseUrl or https://{Endpoint}/.</param>
public sealed record TencentTarget(bool IsEmbeddedEmulator, string ApiUrl, IReadOnlyList<ManagedAccountSummary> Accounts)
{
    /// <summary>
    /// True when requests go to Tencent itself: not the embedded emulator, and no Tencent:BaseUrl (the override for
    /// an emulator) unless that points at a *.tencentcloudapi.com host.
    /// </summary>
    public bool IsRealTencent => !IsEmbeddedEmulator
        && Uri.TryCreate(ApiUrl, UriKind.Absolute, out var url)
        && (url.Host.Equals("tencentcloudapi.com", StringComparison.OrdinalIgnoreCase)
            || url.Host.EndsWith(".tencentcloudapi.com", StringComparison.OrdinalIgnoreCase)
            || !IsBaseUrlOverride);

    /// <summary>True when the URL came from Tencent:BaseUrl rather than Tencent:Endpoint (or the default endpoint).</summary>
    public bool IsBaseUrlOverride { get; init; }
}

/// <param name="DemoApproverKey">Only for the embedded emulator's demo accounts: a documented demo value, not a secret.</param>
public sealed record ManagedAccountSummary(string Alias, string Uin, bool HasApproverKey, string? DemoApproverKey = null);
