using System.Diagnostics;

namespace PeeringFunctions.Tests.Support;

/// <summary>Runs <c>dotnet PeeringFunctions.dll</c> from the app's build output, as an operator would, and waits for it to exit.</summary>
internal static class AppProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public sealed record Exit(int Code, string Output, string Error);

    /// <param name="environment">Variables added to (or, when null, removed from) the app's environment.</param>
    public static async Task<Exit> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppPaths.OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppPaths.InOutput("PeeringFunctions.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"PeeringFunctions.dll {string.Join(' ', start.ArgumentList.Skip(1))} did not exit within {Timeout.TotalSeconds} s.");
            }
        }

        return new Exit(process.ExitCode, await stdout, await stderr);
    }
}
