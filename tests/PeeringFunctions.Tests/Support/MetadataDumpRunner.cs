using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PeeringFunctions.Tests.Support;

/// <summary>Runs <c>dotnet PeeringFunctions.dll --dump-metadata</c> against the built app, as an operator would.</summary>
internal static class MetadataDumpRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<JsonArray> RunAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppPaths.OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppPaths.InOutput("PeeringFunctions.dll"));
        start.ArgumentList.Add("--dump-metadata");

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
                throw new TimeoutException($"--dump-metadata did not exit within {Timeout.TotalSeconds} s.");
            }
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"--dump-metadata exited with {process.ExitCode}.\nstdout:\n{output}\nstderr:\n{await stderr}");
        }

        return JsonNode.Parse(output)?.AsArray() ?? throw new InvalidOperationException("--dump-metadata printed no JSON array.");
    }
}
