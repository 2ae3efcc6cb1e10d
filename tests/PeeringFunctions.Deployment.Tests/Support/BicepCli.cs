using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PeeringFunctions.Deployment.Tests.Support;

/// <summary>
/// Runs the Bicep CLI from the NuGet package. Diagnostics (errors, warnings, infos; compiler or linter) are printed
/// one per line, so "no output at all" is the zero-diagnostics condition the tests assert.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<CompiledInfra> Compiled = new(() => CompileInfra(RepoPaths.Infra), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every .bicep under infra/, built once per test run (compiler + linter).</summary>
    public static CompiledInfra Infra => Compiled.Value;

    public static string Version() => Run(["--version"], RepoPaths.Infra).Output.Trim();

    /// <summary>bicep build --pattern **/*.bicep for the folder, into a temporary output folder.</summary>
    public static CompiledInfra CompileInfra(string folder)
    {
        var output = Directory.CreateTempSubdirectory("bicep-build-").FullName;
        var result = Run(["build", "--pattern", "**/*.bicep", "--outdir", output], folder);
        return new CompiledInfra(folder, output, result);
    }

    /// <summary>bicep lint --pattern **/*.bicep for the folder.</summary>
    public static CliResult LintInfra(string folder) => Run(["lint", "--pattern", "**/*.bicep"], folder);

    public static CliResult Run(IReadOnlyList<string> arguments, string workingDirectory)
    {
        EnsureExecutable(RepoPaths.BicepPath);
        var start = new ProcessStartInfo(RepoPaths.BicepPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {RepoPaths.BicepPath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return new CliResult(process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>NuGet extracts the binary with the owner's execute bit only (rwxr--r--); add it for everyone who may run it.</summary>
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {path}; restore the test project (Azure.Bicep.CommandLine.linux-x64).", path);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & execute) != execute)
        {
            try
            {
                File.SetUnixFileMode(path, mode | execute);
            }
            catch (UnauthorizedAccessException)
            {
                // Not the owner: the owner's bit is all we can rely on.
            }
        }
    }
}

internal sealed record CliResult(int ExitCode, string Output)
{
    public IReadOnlyList<string> Diagnostics =>
        Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed record CompiledInfra(string SourceFolder, string OutputFolder, CliResult Result)
{
    public JsonObject Template(string relativeBicepPath)
    {
        var json = Path.Combine(OutputFolder, Path.ChangeExtension(relativeBicepPath, ".json"));
        Assert.True(File.Exists(json), $"bicep build wrote no {json}:\n{Result.Output}");
        return JsonNode.Parse(File.ReadAllText(json))!.AsObject();
    }
}
