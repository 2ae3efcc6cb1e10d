using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using TencentVpcEmulator;

namespace PeeringFunctions.Testing.Processes;

/// <summary>
/// The Tencent VPC emulator as its own process (dotnet TencentVpcEmulator.dll), so it outlives a killed host, driven
/// through its control API (/_emulator/...).
/// </summary>
public sealed partial class EmulatorProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly ChildProcess process;
    private readonly HttpClient http;

    private EmulatorProcess(ChildProcess process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    /// <summary>What the emulator printed (its banner names every account's SecretId).</summary>
    public IReadOnlyList<string> Output => process.Output;

    public static async Task<EmulatorProcess> StartAsync(int randomSeed, string? seedPath = null)
    {
        List<string> arguments = [KitPaths.EmulatorAssembly, "--urls", "http://127.0.0.1:0", "--random-seed", randomSeed.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (seedPath is not null)
        {
            arguments.AddRange(["--seed", seedPath]);
        }

        var process = ChildProcess.Start("emulator", "dotnet", arguments, workingDirectory: Path.GetDirectoryName(KitPaths.EmulatorAssembly));
        try
        {
            var match = await process.WaitForLineAsync(Listening(), TimeSpan.FromSeconds(60));
            return new EmulatorProcess(process, new Uri(match.Groups[1].Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async Task<EmulatorState> StateAsync() =>
        await http.GetFromJsonAsync<EmulatorState>("_emulator/state", Json) ?? throw new InvalidOperationException("No emulator state.");

    public async Task<CallStatistics> CallsAsync() =>
        await http.GetFromJsonAsync<CallStatistics>("_emulator/calls", Json) ?? throw new InvalidOperationException("No call statistics.");

    public async Task AddFaultAsync(FaultRule rule) => (await http.PutAsJsonAsync("_emulator/faults", rule, Json)).EnsureSuccessStatusCode();

    public async Task ClearFaultsAsync() => (await http.DeleteAsync("_emulator/faults")).EnsureSuccessStatusCode();

    /// <summary>Holds every call of <paramref name="action"/> this long before it is performed (0 removes it).</summary>
    public async Task SetLatencyAsync(string action, TimeSpan delay) =>
        (await http.PutAsJsonAsync("_emulator/latency", new { action, milliseconds = (int)delay.TotalMilliseconds }, Json)).EnsureSuccessStatusCode();

    public async Task ClearLatencyAsync() => (await http.DeleteAsync("_emulator/latency")).EnsureSuccessStatusCode();

    public async Task ResetAsync() => (await http.PostAsync("_emulator/reset", null)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await process.DisposeAsync();
    }

    [GeneratedRegex(@"Tencent VPC emulator listening on (http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex Listening();
}
