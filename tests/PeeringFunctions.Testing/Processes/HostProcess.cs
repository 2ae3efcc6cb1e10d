using System.Globalization;
using System.Text.RegularExpressions;
using TencentVpcEmulator;

namespace PeeringFunctions.Testing.Processes;

/// <summary>
/// The local host as a child process — <c>dotnet PeeringFunctions.LocalHost.dll --durable-backend azurestorage</c> —
/// configured through its environment for a standalone emulator and Azurite, exactly as a developer would run it.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private HostProcess(ChildProcess process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public int Pid => process.Pid;

    public IReadOnlyList<string> Output => process.Output;

    public string Tail() => process.Tail();

    /// <summary>The environment that points the host at the emulator's accounts (keys from the seed) and at Azurite.</summary>
    public static Dictionary<string, string?> Environment(
        Uri emulatorUrl, EmulatorSeed seed, string storageConnectionString, string taskHub, IDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Tencent__BaseUrl"] = emulatorUrl.ToString(),
            ["Durable__StorageConnectionString"] = storageConnectionString,
            ["Durable__TaskHubName"] = taskHub,
            // Work a killed process had dequeued is redone after this; short, so a restart resumes quickly.
            ["Durable__VisibilityTimeout"] = "00:00:06",
            ["Durable__PollingInterval"] = "00:00:00.500",
            ["AcceptancePoll__Enabled"] = "false",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var account in seed.Accounts)
        {
            var prefix = $"Tencent__Accounts__{account.Name}__";
            environment[prefix + "Uin"] = account.Uin.ToString(CultureInfo.InvariantCulture);
            environment[prefix + "SecretId"] = account.SecretId;
            environment[prefix + "SecretKey"] = account.SecretKey;
            environment[prefix + "ApproverKey"] = ApproverKey(account.Name);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public static string ApproverKey(string account) => $"{account}-approver-test-key";

    /// <summary>Starts the host and waits for its banner (the HTTP API's URL on a free port).</summary>
    public static async Task<HostProcess> StartAsync(IDictionary<string, string?> environment, params string[] extraArguments)
    {
        var process = ChildProcess.Start("local host", "dotnet",
            [KitPaths.LocalHostAssembly, "--durable-backend", "azurestorage", "--urls", "http://127.0.0.1:0", .. extraArguments],
            environment, Path.GetDirectoryName(KitPaths.LocalHostAssembly));
        try
        {
            var match = await process.WaitForLineAsync(ApiLine(), TimeSpan.FromSeconds(90));
            return new HostProcess(process, new Uri(match.Groups[1].Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed — the crash the persistent backend must survive.</summary>
    public Task KillAsync() => process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await process.DisposeAsync();
    }

    [GeneratedRegex(@"HTTP API\s+(http://127\.0\.0\.1:\d+/)api/peerings")]
    private static partial Regex ApiLine();
}
