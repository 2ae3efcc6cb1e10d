using Microsoft.Extensions.Options;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;

namespace PeeringFunctions.Workflow.Accounts;

/// <summary>Builds a VPC client for an account alias and region; the only place credentials are read.</summary>
public interface ITencentClientFactory
{
    VpcClient Create(string account, string region);

    /// <summary>The UIN of a managed account, or null when the alias is unknown.</summary>
    string? UinOf(string account);

    bool IsManaged(string account);
}

public sealed class TencentClientFactory(
    IOptionsMonitor<TencentOptions> options,
    IHttpClientFactory httpClients,
    TimeProvider timeProvider) : ITencentClientFactory
{
    public const string HttpClientName = "tencent";

    public VpcClient Create(string account, string region)
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
        return new VpcClient(credential, region, profile, httpClients.CreateClient(HttpClientName), timeProvider);
    }

    public string? UinOf(string account) =>
        options.CurrentValue.Accounts.TryGetValue(account, out var credentials) ? credentials.Uin : null;

    public bool IsManaged(string account) => options.CurrentValue.Accounts.ContainsKey(account);
}
