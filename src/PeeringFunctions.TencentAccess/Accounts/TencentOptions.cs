namespace PeeringFunctions.TencentAccess.Accounts;

/// <summary>
/// The "Tencent" configuration section: which endpoint to call and the accounts the app manages, by alias.
/// In Azure the secret values are Key Vault references in app settings (Tencent__Accounts__alpha__SecretKey);
/// locally they come from user secrets or the environment.
/// </summary>
public sealed class TencentOptions
{
    public const string SectionName = "Tencent";

    /// <summary>Host name of the VPC API, e.g. vpc.tencentcloudapi.com (default) or vpc.ap-guangzhou.tencentcloudapi.com.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Overrides the URL requests go to (the emulator, in tests and on the local host).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>zh-CN or en-US: the language of Tencent's error messages.</summary>
    public string? Language { get; set; }

    public Dictionary<string, TencentAccountOptions> Accounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Tencent's quotas, as pre-flight checks them (defaults: Tencent's).</summary>
    public TencentQuotaOptions Quotas { get; set; } = new();
}

public sealed class TencentAccountOptions
{
    /// <summary>The account's root UIN, as the receiver of a peering request is named to Tencent.</summary>
    public string Uin { get; set; } = "";

    public string SecretId { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>Session token of temporary (STS) credentials; empty for long-term keys.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// The credential this account's approvers present to accept or reject a peering over HTTP. Separate from the
    /// portal's key on purpose: only the receiver may consent.
    /// </summary>
    public string? ApproverKey { get; set; }

    public override string ToString() => $"uin {Uin}";
}
