using Microsoft.Extensions.Options;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.TencentCloud.Vpc.V20170312;

namespace PeeringFunctions.TencentAccess.Accounts;

/// <summary>Builds a VPC client for an account alias and region; the only place credentials are read.</summary>
/// <remarks>Returns <see cref="IVpcClient"/>, not the concrete client, so another implementation could stand behind it.</remarks>
public interface ITencentClientFactory
{
    IVpcClient Create(string account, string region);

    /// <summary>The UIN of a managed account, or null when the alias is unknown.</summary>
    string? UinOf(string account);

    bool IsManaged(string account);
}

/// <remarks>
/// Every client it builds sends through <see cref="TencentRateLimitingHandler"/> for its account (keyed by UIN, the
/// unit Tencent's per-action limits count), placed in front of the "tencent" IHttpClientFactory pipeline, unless
/// Tencent:RateLimits:Enabled is false or no limiter is registered; and each call's span names the account
/// (<see cref="AccountTagHandler"/>).
/// </remarks>
public sealed class TencentClientFactory(
    IOptionsMonitor<TencentOptions> options,
    IHttpClientFactory httpClients,
    TimeProvider timeProvider,
    IHttpMessageHandlerFactory? handlers = null,
    TencentRateLimiter? rateLimiter = null) : ITencentClientFactory
{
    public const string HttpClientName = "tencent";

    public IVpcClient Create(string account, string region)
    {
        var settings = options.CurrentValue;
        if (!settings.Accounts.TryGetValue(account, out var credentials))
        {
            throw new UnknownAccountException(account);
        }

        var httpProfile = new HttpProfile { BaseUrl = settings.BaseUrl };
        if (!string.IsNullOrWhiteSpace(settings.Endpoint))
        {
            httpProfile.Endpoint = settings.Endpoint;
        }

        var profile = new ClientProfile { HttpProfile = httpProfile, Language = settings.Language };
        var credential = new Credential(
            credentials.SecretId.Trim(),
            credentials.SecretKey.Trim(),
            string.IsNullOrWhiteSpace(credentials.Token) ? null : credentials.Token.Trim());
        return new VpcClient(credential, region, profile, HttpClientFor(account, credentials), timeProvider);
    }

    public string? UinOf(string account) =>
        options.CurrentValue.Accounts.TryGetValue(account, out var credentials) ? credentials.Uin : null;

    public bool IsManaged(string account) => options.CurrentValue.Accounts.ContainsKey(account);

    /// <summary>What Tencent's limits count by: the account's UIN (two aliases of one account share it), else the alias.</summary>
    public static string RateLimitKeyOf(string account, TencentAccountOptions credentials) =>
        string.IsNullOrWhiteSpace(credentials.Uin) ? "alias:" + account : "uin:" + credentials.Uin.Trim();

    private HttpClient HttpClientFor(string account, TencentAccountOptions credentials)
    {
        if (handlers is null)
        {
            return httpClients.CreateClient(HttpClientName);
        }

        // The pooled pipeline stays owned by the factory (disposeHandler: false); the request timeout is the VpcClient's.
        HttpMessageHandler pipeline = handlers.CreateHandler(HttpClientName);
        if (rateLimiter is { Enabled: true })
        {
            pipeline = new TencentRateLimitingHandler(rateLimiter, RateLimitKeyOf(account, credentials)) { InnerHandler = pipeline };
        }

        return new HttpClient(new AccountTagHandler(account) { InnerHandler = pipeline }, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
