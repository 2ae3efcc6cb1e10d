namespace PeeringFunctions.Peerings;

/// <summary>
/// The "Portal" configuration section, bound once: where the pages live (the links chat, notices and approval
/// links point to), how approval links are signed, and what the pages read and how often.
/// </summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>At least this many characters of <see cref="ApprovalSigningKey"/>: 256 bits of a random base64 key.</summary>
    public const int MinimumSigningKeyLength = 32;

    /// <summary>
    /// Where people reach the app, e.g. https://func-api-xyz.azurewebsites.net; approval links are absolute under it.
    /// Without it links are relative (/api/approve?token=…), which is enough for the pages themselves.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The HMAC-SHA256 key of approval links (at least 32 characters; a Key Vault reference in Azure). Without it the
    /// Functions app issues no approval link and refuses every one; the local host uses a random key for its run.
    /// Changing it invalidates every link already sent.
    /// </summary>
    public string? ApprovalSigningKey { get; set; }

    /// <summary>Regions the request form looks for VPCs in (one DescribeVpcs per account and region).</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>The regions read when <see cref="Regions"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultRegions { get; } =
        ["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-chengdu", "ap-nanjing", "ap-hongkong", "ap-singapore"];

    /// <summary>How long the receiver may watch a peering's status page after deciding (the watch link's lifetime).</summary>
    public TimeSpan WatchLinkLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long what the form read from Tencent (accounts' VPCs, route tables, subnets) is reused.</summary>
    public TimeSpan InventoryCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the network picture's Tencent reads are reused while the peering's step does not change.</summary>
    public TimeSpan PictureCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an open status page asks for progress while the peering runs.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The local host only: a key the portal routes then require (x-functions-key or ?code=); unset, they are open.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>The local host only: print each receiver's approval link on the console when a peering waits (unset: when run from a console).</summary>
    public bool? PrintApprovalLinks { get; set; }

    public IReadOnlyList<string> EffectiveRegions => Regions.Count > 0 ? Regions : DefaultRegions;

    public override string ToString() => "Portal options";
}
