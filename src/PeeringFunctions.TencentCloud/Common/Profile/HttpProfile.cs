namespace PeeringFunctions.TencentCloud.Common.Profile;

/// <summary>Where and how requests are sent.</summary>
public sealed class HttpProfile
{
    /// <summary>Default China-site host (nearest region).</summary>
    public const string DefaultEndpoint = "vpc.tencentcloudapi.com";

    /// <summary>The host the international-site documentation prints for VPC.</summary>
    public const string InternationalEndpoint = "vpc.intl.tencentcloudapi.com";

    /// <summary>Host name used over HTTPS when <see cref="BaseUrl"/> is not set.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>
    /// Overrides scheme, host and port (e.g. <c>http://127.0.0.1:8930</c> for an emulator). Requests then go to
    /// <c>POST /</c> on this authority, and the Host header and the signed host are its authority (port included
    /// when not the scheme default). Any path in the URL is ignored: the API path is always <c>/</c>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Per-request timeout (default 60 s); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The region-pinned host, e.g. <c>vpc.ap-guangzhou.tencentcloudapi.com</c> (required for finance regions).</summary>
    public static string RegionalEndpoint(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return $"vpc.{region}.tencentcloudapi.com";
    }
}
