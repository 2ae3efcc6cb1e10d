using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.TencentAccess.Tests.Support;

/// <summary>Stands in for Tencent: answers each request with the next scripted body and remembers what it was sent.</summary>
internal sealed class ScriptedTencent : HttpMessageHandler
{
    public const string Success = """{"Response":{"TotalCount":0,"VpcSet":[],"RequestId":"ok-1"}}""";
    public const string Throttled = """{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"Your current request times equals to `20` in a second."},"RequestId":"thr-1"}}""";

    private readonly ConcurrentQueue<string> script = new();

    public ScriptedTencent(params string[] bodies)
    {
        foreach (var body in bodies)
        {
            script.Enqueue(body);
        }
    }

    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    /// <summary>Answered once the script is used up.</summary>
    public string Otherwise { get; set; } = Success;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Enqueue(new SentRequest(
            request.Headers.TryGetValues("X-TC-Action", out var action) ? action.Single() : null,
            request.Headers.TryGetValues("Authorization", out var authorization) ? authorization.Single() : null,
            request.Headers.TryGetValues("X-TC-Timestamp", out var timestamp) ? timestamp.Single() : null,
            body));
        var answer = script.TryDequeue(out var next) ? next : Otherwise;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}

internal sealed record SentRequest(string? Action, string? Authorization, string? Timestamp, string Body);

internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

internal static class Services
{
    /// <summary>The Tencent access layer's services as a host registers them (AddPeeringWorkflow adds these), with <paramref name="tencent"/> (when given) as the primary handler of the "tencent" client.</summary>
    public static ServiceProvider Access(IEnumerable<KeyValuePair<string, string?>> settings, HttpMessageHandler? tencent, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddTencentAccess(configuration);
        if (tencent is not null)
        {
            services.AddHttpClient(TencentClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => tencent);
        }

        return services.BuildServiceProvider();
    }

    public static Dictionary<string, string?> TwoAccounts(string baseUrl = "http://127.0.0.1:9/") => new()
    {
        ["Tencent:BaseUrl"] = baseUrl,
        ["Tencent:Accounts:alpha:Uin"] = "100000000001",
        ["Tencent:Accounts:alpha:SecretId"] = "AKIDalphaDEMO0000000000000000000001",
        ["Tencent:Accounts:alpha:SecretKey"] = "alphaDemoSecretKey000000000000001",
        ["Tencent:Accounts:beta:Uin"] = "100000000002",
        ["Tencent:Accounts:beta:SecretId"] = "AKIDbetaDEMO00000000000000000000002",
        ["Tencent:Accounts:beta:SecretKey"] = "betaDemoSecretKey0000000000000002",
    };
}
