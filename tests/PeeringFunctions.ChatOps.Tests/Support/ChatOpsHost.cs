using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PeeringFunctions.Peerings;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.ChatOps.Tests.Support;

/// <summary>The chat-ops services as a host registers them (AddPeeringChatOps), over test configuration.</summary>
internal sealed class ChatOpsHost : IDisposable
{
    public const string PortalBaseUrl = "https://portal.example.test";
    public const string SlackApprover = "U2CERLKJA";
    public const string WeComApprover = "ChenJiaShun";
    public const string TeamsApprover = "29:1abc";

    private ChatOpsHost(ServiceProvider services, FakeTimeProvider? time, LogSink logs)
    {
        Services = services;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider? Time { get; }

    public LogSink Logs { get; }

    public DurableFake Durable { get; } = new();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Approvers: beta (the usual receiver) has one user per platform; alpha has only the Slack user U0ALPHA01.</summary>
    public static Dictionary<string, string?> BaseSettings() => new()
    {
        ["Portal:BaseUrl"] = PortalBaseUrl,
        ["ChatOps:Slack:SigningSecret"] = Vectors.Slack.SigningSecret,
        ["ChatOps:WeCom:Token"] = Vectors.WeCom.Token,
        ["ChatOps:WeCom:EncodingAesKey"] = Vectors.WeCom.EncodingAesKey,
        ["ChatOps:WeCom:CorpId"] = Vectors.WeCom.CorpId,
        ["ChatOps:Teams:SecurityToken"] = Vectors.Teams.SecurityToken,
        ["ChatOps:Approvers:beta:0"] = $"slack:{SlackApprover}",
        ["ChatOps:Approvers:beta:1"] = $"wecom:{WeComApprover}",
        ["ChatOps:Approvers:beta:2"] = $"teams:{TeamsApprover}",
        ["ChatOps:Approvers:alpha:0"] = "slack:U0ALPHA01",
    };

    /// <param name="fakeTime">Pin the clock (webhook tests); notification tests keep real time so HTTP timeouts fire.</param>
    public static ChatOpsHost Create(IDictionary<string, string?>? settings = null, DateTimeOffset? fakeTime = null)
    {
        var all = BaseSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var logs = new LogSink();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        FakeTimeProvider? time = null;
        if (fakeTime is { } now)
        {
            time = new FakeTimeProvider(now);
            services.AddSingleton<TimeProvider>(time);
        }

        var accounts = new Mock<ITencentClientFactory>();
        accounts.Setup(a => a.IsManaged(It.IsAny<string>())).Returns((string alias) => alias is "alpha" or "beta" or "gamma");
        services.AddSingleton(accounts.Object);
        // The registry every host registers before its use cases (the Functions app: Table Storage; the local host: one shared instance).
        services.AddSingleton<PeeringFunctions.Registry.IPeeringRegistry>(new PeeringFunctions.Registry.InMemoryPeeringRegistry());
        services.AddPeerings(configuration);
        services.AddPeeringChatOps(configuration);
        return new ChatOpsHost(services.BuildServiceProvider(), time, logs);
    }

    /// <summary>
    /// Waits until a log line contains <paramref name="fragment"/>: how a test knows a background follow-up has
    /// finished (the HTTP pipeline must be idle before the provider is disposed under a fake clock).
    /// </summary>
    public async Task WaitForLogAsync(string fragment, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!Logs.Lines.Any(line => line.Contains(fragment, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < until, $"No log line contains '{fragment}'.");
            await Task.Delay(10);
        }
    }

    public void Dispose() => Services.Dispose();
}
