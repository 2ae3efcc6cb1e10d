namespace PeeringFunctions.TencentCloud.Common.Profile;

/// <summary>Client-wide options, shaped like the official SDK's profile.</summary>
public sealed class ClientProfile
{
    public const string LanguageZhCn = "zh-CN";
    public const string LanguageEnUs = "en-US";

    public HttpProfile HttpProfile { get; set; } = new();

    /// <summary><c>zh-CN</c> or <c>en-US</c>; sent as X-TC-Language when set (affects Error.Message language).</summary>
    public string? Language { get; set; }
}
